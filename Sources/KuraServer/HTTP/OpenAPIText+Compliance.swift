/// The compliance part of the OpenAPI document (checklists, answers, registries, the sealed
/// report), spliced into ``OpenAPIText/json`` like the clinical part.
extension OpenAPIText {
    static let compliancePaths = #"""

              "/api/v1/compliance/checklists": {
                "get": {
                  "operationId": "listChecklists",
                  "tags": ["compliance"],
                  "summary": "チェックリスト一覧 The checklists with their counts",
                  "description": "Every bundled checklist (the MHLW R7 institution and vendor forms, the guideline requirements) answered from the system's state now, without its items: id, edition, title and how many items pass, fail, are answered or need a person. Administrators and auditors (GOV-1, MFA-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "responses": {
                    "200": {
                      "description": "The checklists.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChecklistList"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/checklists/{checklist}": {
                "get": {
                  "operationId": "getChecklist",
                  "tags": ["compliance"],
                  "summary": "チェックリスト One checklist answered now",
                  "description": "Every item with its status: `pass` or `fail` from an automatic evaluator with the evidence it used (figures, dates, opaque ids) and the reasons of a failure; `confirm` or `missing` from a registry; `yes`, `no` or `unanswered` for a person's answer. Each item carries its source and how sure the catalog is of it. Administrators and auditors (AUD-2, BAK-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/Checklist"}],
                  "responses": {
                    "200": {
                      "description": "The checklist.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Checklist"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/checklists/{checklist}/items/{item}/answer": {
                "put": {
                  "operationId": "answerChecklistItem",
                  "tags": ["compliance"],
                  "summary": "回答 Answer an item",
                  "description": "はい (`yes`) or いいえ (`no`) with the confirmation date; every いいえ needs a target date not before it. Each answer is a new sealed version bound to a ledger leaf, recording which checklist edition it answered. Administrators; cookie sessions send `X-CSRF-Token` (GOV-2).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/Checklist"}, {"$ref": "#/components/parameters/ChecklistItem"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChecklistAnswer"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The recorded answer.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecordedAnswer"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/reports": {
                "post": {
                  "operationId": "sealReport",
                  "tags": ["compliance"],
                  "summary": "報告書 Print and seal a checklist report",
                  "description": "The checklist as one self-contained HTML page with an A4 print stylesheet, the officers, the evidence and the log's signed checkpoint; its SHA-256 (in `X-Kura-Report-SHA256`) is sealed in the ledger, so `kura verify report` can check a copy later. Administrators; cookie sessions send `X-CSRF-Token` (AUD-2).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReportRequest"}}}
                  },
                  "responses": {
                    "201": {
                      "description": "The report.",
                      "headers": {
                        "Cache-Control": {"$ref": "#/components/headers/CacheControl"},
                        "X-Kura-Report-SHA256": {"description": "The sealed SHA-256 of the body, hex.", "schema": {"type": "string"}}
                      },
                      "content": {"text/html": {"schema": {"type": "string"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/evidence": {
                "post": {
                  "operationId": "addEvidenceFile",
                  "tags": ["compliance"],
                  "summary": "根拠資料 Keep an evidence file",
                  "description": "The body is the file (PDF, JPEG or PNG, checked by content: MAL-4; at most 10 MB); `Kura-File-Name` carries the percent-encoded name, so nothing about it goes into a URL. The file is sealed and bound to a ledger leaf; answers cite it by id. Administrators; cookie sessions send `X-CSRF-Token` (GOV-2).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [
                    {"name": "Kura-File-Name", "in": "header", "required": true, "schema": {"type": "string", "maxLength": 1024}}
                  ],
                  "requestBody": {
                    "required": true,
                    "content": {
                      "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                      "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                      "image/png": {"schema": {"type": "string", "format": "binary"}}
                    }
                  },
                  "responses": {
                    "201": {
                      "description": "The kept file.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvidenceFile"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/evidence/{id}": {
                "get": {
                  "operationId": "getEvidenceFile",
                  "tags": ["compliance"],
                  "summary": "根拠資料の取得 Download an evidence file",
                  "description": "The file as it was kept, as a download that is never sniffed or framed. Administrators and auditors (GOV-2).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/RegistryEntryID"}],
                  "responses": {
                    "200": {
                      "description": "The file.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {
                        "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                        "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                        "image/png": {"schema": {"type": "string", "format": "binary"}}
                      }
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/reviews/{task}": {
                "get": {
                  "operationId": "runAccessReview",
                  "tags": ["compliance"],
                  "summary": "ログ確認 Run an access-log review",
                  "description": "One review of the access log over a period of JST days (`from`, `until`, `YYYY-MM-DD`; default the last 30 days): `off-hours` (outside the clinic's hours or on its closed days), `mass-access` (one account opening more than 30 patients in a day), `staff-patients` (any opening of a patient flagged as staff, a relative or a VIP), `break-glass`. Findings carry opaque ids only; the review is itself an audited access-log read. Auditors (AUD-4).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/ReviewTask"}, {"name": "from", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}, {"name": "until", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}],
                  "responses": {
                    "200": {
                      "description": "The answer.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AccessReview"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/reviews/{task}/sign-off": {
                "post": {
                  "operationId": "signOffAccessReview",
                  "tags": ["compliance"],
                  "summary": "確認の記録 Sign off a review",
                  "description": "The reviewer's sign-off of a task over a period, with the number of findings and a comment; a sealed document whose ledger leaf names the task, the period and the count, so the sign-offs are the review's evidence. Auditors and administrators; cookie sessions send `X-CSRF-Token` (AUD-4).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/ReviewTask"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignOffRequest"}}}
                  },
                  "responses": {
                    "201": {
                      "description": "The answer.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewSignOff"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/sign-offs": {
                "get": {
                  "operationId": "listReviewSignOffs",
                  "tags": ["compliance"],
                  "summary": "確認記録の一覧 The review sign-offs",
                  "description": "Every sign-off, newest first (AUD-4).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "responses": {
                    "200": {
                      "description": "The answer.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewSignOffList"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/flags": {
                "get": {
                  "operationId": "listPatientFlags",
                  "tags": ["compliance"],
                  "summary": "注意患者 The flagged patients",
                  "description": "Patients flagged as staff, a staff member's relative or a VIP, for the staff-patients review; only those who keep the flags or review the log read them (AUD-4).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "responses": {
                    "200": {
                      "description": "The answer.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PatientFlagList"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/flags/{patient}": {
                "put": {
                  "operationId": "flagPatient",
                  "tags": ["compliance"],
                  "summary": "注意患者の登録 Flag a patient",
                  "description": "Flags the patient as `staff`, `relative` or `vip` with an optional note; a sealed version bound to a ledger leaf. Administrators; cookie sessions send `X-CSRF-Token` (AUD-4).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlagRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The answer.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PatientFlag"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/flags/{patient}/clear": {
                "post": {
                  "operationId": "clearPatientFlag",
                  "tags": ["compliance"],
                  "summary": "注意患者の解除 Clear a patient's flag",
                  "description": "Clears the flag with a new version; its history stays. Administrators; cookie sessions send `X-CSRF-Token` (AUD-4).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "responses": {
                    "200": {
                      "description": "The answer.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PatientFlag"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/registries": {
                "get": {
                  "operationId": "listRegistries",
                  "tags": ["compliance"],
                  "summary": "台帳一覧 The registries and their fields",
                  "description": "The registries (officers, devices, vendors, contacts, documents, training, incidents), each with its fields (type, choices, whether required) and its number of current entries. Administrators and auditors (GOV-1, INV-1, INC-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "responses": {
                    "200": {
                      "description": "The registries.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistryList"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/registries/{registry}": {
                "get": {
                  "operationId": "listRegistryEntries",
                  "tags": ["compliance"],
                  "summary": "台帳 A registry's entries",
                  "description": "The current entries, newest first (`withdrawn=true` adds withdrawn ones). An incident carries its APPI report deadlines computed from the discovery time: the preliminary report in about 3–5 days, the final one within 30 days or 60 when unlawful intent is suspected (PRIV-2).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [
                    {"$ref": "#/components/parameters/Registry"},
                    {"name": "withdrawn", "in": "query", "required": false, "schema": {"type": "string", "enum": ["true", "false"]}}
                  ],
                  "responses": {
                    "200": {
                      "description": "The entries.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistryEntryList"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                },
                "post": {
                  "operationId": "addRegistryEntry",
                  "tags": ["compliance"],
                  "summary": "台帳に追加 Add an entry",
                  "description": "The values are checked against the registry's fields (unknown fields, missing required ones and malformed dates are refused, naming the field). The entry is sealed and its version bound to a ledger leaf. Administrators; cookie sessions send `X-CSRF-Token` (GOV-1).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/Registry"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistryEntryRequest"}}}
                  },
                  "responses": {
                    "201": {
                      "description": "The new entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistryEntry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/registries/{registry}/{id}": {
                "put": {
                  "operationId": "changeRegistryEntry",
                  "tags": ["compliance"],
                  "summary": "台帳を変更 Change an entry",
                  "description": "A new version of the entry, only over the version given (409 when it changed meanwhile); the old versions stay. Administrators; cookie sessions send `X-CSRF-Token` (GOV-2).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/Registry"}, {"$ref": "#/components/parameters/RegistryEntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistryEntryRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The entry at its new version.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistryEntry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/compliance/registries/{registry}/{id}/withdraw": {
                "post": {
                  "operationId": "withdrawRegistryEntry",
                  "tags": ["compliance"],
                  "summary": "台帳から外す Withdraw an entry",
                  "description": "Takes the entry off its registry with a new version over the one given; its history stays. Administrators; cookie sessions send `X-CSRF-Token` (GOV-2).",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/Registry"}, {"$ref": "#/components/parameters/RegistryEntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WithdrawRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The withdrawn entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistryEntry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
        """#

    static let complianceParameters = #"""

                "Checklist": {
                  "name": "checklist",
                  "in": "path",
                  "required": true,
                  "description": "A checklist file's id: `mhlw-r7-institution`, `mhlw-r7-vendor` or `guideline-v6`.",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "ChecklistItem": {
                  "name": "item",
                  "in": "path",
                  "required": true,
                  "description": "The item's id in that checklist (for example `2-10`).",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "Registry": {
                  "name": "registry",
                  "in": "path",
                  "required": true,
                  "schema": {"type": "string", "enum": ["officers", "devices", "vendors", "contacts", "documents", "training", "incidents"]}
                },
                "ReviewTask": {
                  "name": "task",
                  "in": "path",
                  "required": true,
                  "schema": {"type": "string", "enum": ["off-hours", "mass-access", "staff-patients", "break-glass"]}
                },
                "RegistryEntryID": {
                  "name": "id",
                  "in": "path",
                  "required": true,
                  "description": "The entry's opaque id (`cmp_…`).",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
        """#

    static let complianceSchemas = #"""

                "Bilingual": {
                  "type": "object",
                  "required": ["ja", "en"],
                  "properties": {"ja": {"type": "string"}, "en": {"type": "string"}}
                },
                "ChecklistSummary": {
                  "type": "object",
                  "description": "A checklist answered now, without its items.",
                  "required": ["checklist", "edition", "published", "form", "title", "asOf", "counts"],
                  "properties": {
                    "checklist": {"type": "string"},
                    "edition": {"type": "string"},
                    "published": {"type": "string"},
                    "form": {"type": "string", "enum": ["institution", "vendor", "pharmacy", "requirements"]},
                    "title": {"$ref": "#/components/schemas/Bilingual"},
                    "asOf": {"type": "integer", "format": "int64", "description": "The facts' time, ms since the epoch (UTC)."},
                    "counts": {"type": "object", "additionalProperties": {"type": "integer"}}
                  }
                },
                "ChecklistList": {
                  "type": "object",
                  "required": ["checklists"],
                  "properties": {"checklists": {"type": "array", "items": {"$ref": "#/components/schemas/ChecklistSummary"}}}
                },
                "Checklist": {
                  "type": "object",
                  "description": "A checklist answered now, item by item.",
                  "required": ["checklist", "edition", "published", "form", "title", "asOf", "counts", "items"],
                  "properties": {
                    "checklist": {"type": "string"},
                    "edition": {"type": "string"},
                    "published": {"type": "string"},
                    "form": {"type": "string", "enum": ["institution", "vendor", "pharmacy", "requirements"]},
                    "title": {"$ref": "#/components/schemas/Bilingual"},
                    "asOf": {"type": "integer", "format": "int64"},
                    "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/ChecklistRow"}}
                  }
                },
                "ChecklistRow": {
                  "type": "object",
                  "required": ["id", "title", "status", "evaluation", "source", "confidence", "requirements"],
                  "properties": {
                    "id": {"type": "string"},
                    "number": {"type": "string", "description": "As printed on the form, such as 2⑩."},
                    "title": {"$ref": "#/components/schemas/Bilingual"},
                    "status": {"$ref": "#/components/schemas/ChecklistStatus"},
                    "evaluation": {"type": "string", "enum": ["auto", "prefilled", "manual"]},
                    "evaluator": {"type": "string"},
                    "source": {"type": "string"},
                    "confidence": {"type": "string", "enum": ["primary", "secondary", "inferred", "unverified"]},
                    "requirements": {"type": "array", "items": {"type": "string"}},
                    "reasons": {"type": "array", "items": {"$ref": "#/components/schemas/Bilingual"}},
                    "evidence": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["label", "value"],
                        "properties": {"label": {"$ref": "#/components/schemas/Bilingual"}, "value": {"type": "string"}}
                      }
                    },
                    "registry": {
                      "type": "object",
                      "required": ["id", "entries"],
                      "properties": {"id": {"type": "string"}, "entries": {"type": "integer"}}
                    },
                    "answer": {"$ref": "#/components/schemas/RecordedAnswer"}
                  }
                },
                "ChecklistStatus": {
                  "type": "string",
                  "enum": ["pass", "fail", "yes", "no", "confirm", "missing", "unanswered"]
                },
                "ChecklistAnswer": {
                  "type": "object",
                  "required": ["answer", "confirmedOn"],
                  "additionalProperties": false,
                  "properties": {
                    "answer": {"type": "string", "enum": ["yes", "no"]},
                    "confirmedOn": {"type": "string", "format": "date"},
                    "targetOn": {"type": "string", "format": "date", "description": "Required with `no`."},
                    "comment": {"type": "string", "maxLength": 2000},
                    "evidence": {"type": "array", "items": {"type": "string"}, "description": "Evidence file ids."}
                  }
                },
                "EvidenceFile": {
                  "type": "object",
                  "required": ["id", "name", "mediaType", "byteCount", "sha256", "recordedAt"],
                  "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "mediaType": {"type": "string", "enum": ["application/pdf", "image/jpeg", "image/png"]},
                    "byteCount": {"type": "integer"},
                    "sha256": {"type": "string"},
                    "recordedAt": {"type": "integer", "format": "int64"}
                  }
                },
                "RecordedAnswer": {
                  "type": "object",
                  "required": ["answer", "confirmedOn", "version", "recordedAt", "author"],
                  "properties": {
                    "checklist": {"type": "string"},
                    "item": {"type": "string"},
                    "answer": {"type": "string", "enum": ["yes", "no"]},
                    "confirmedOn": {"type": "string"},
                    "targetOn": {"type": "string"},
                    "comment": {"type": "string"},
                    "evidence": {"type": "array", "items": {"type": "string"}},
                    "version": {"type": "integer", "format": "int64"},
                    "recordedAt": {"type": "integer", "format": "int64"},
                    "author": {"type": "string"}
                  }
                },
                "ReportRequest": {
                  "type": "object",
                  "required": ["checklist"],
                  "additionalProperties": false,
                  "properties": {"checklist": {"type": "string"}, "language": {"type": "string", "enum": ["ja", "en"]}}
                },
                "RegistryList": {
                  "type": "object",
                  "required": ["registries"],
                  "properties": {
                    "registries": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["id", "ja", "en", "fields", "entries"],
                        "properties": {
                          "id": {"type": "string"},
                          "ja": {"type": "string"},
                          "en": {"type": "string"},
                          "entries": {"type": "integer"},
                          "fields": {
                            "type": "array",
                            "items": {
                              "type": "object",
                              "required": ["key", "ja", "en", "type", "required"],
                              "properties": {
                                "key": {"type": "string"},
                                "ja": {"type": "string"},
                                "en": {"type": "string"},
                                "type": {"type": "string", "enum": ["text", "date", "date-time", "flag", "count", "choice"]},
                                "choices": {"type": "array", "items": {"type": "string"}},
                                "maxLength": {"type": "integer"},
                                "required": {"type": "boolean"}
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                },
                "RegistryEntryRequest": {
                  "type": "object",
                  "required": ["values"],
                  "additionalProperties": false,
                  "properties": {
                    "values": {"type": "object", "additionalProperties": {"type": "string"}, "description": "By field key; dates `YYYY-MM-DD`, times `YYYY-MM-DDTHH:MM` (JST), flags `true`/`false`."},
                    "version": {"type": "integer", "format": "int64", "description": "The version changed (required by PUT)."}
                  }
                },
                "WithdrawRequest": {
                  "type": "object",
                  "required": ["version"],
                  "additionalProperties": false,
                  "properties": {"version": {"type": "integer", "format": "int64"}}
                },
                "RegistryEntry": {
                  "type": "object",
                  "required": ["id", "registry", "version", "withdrawn", "values", "recordedAt", "author"],
                  "properties": {
                    "id": {"type": "string"},
                    "registry": {"type": "string"},
                    "version": {"type": "integer", "format": "int64"},
                    "withdrawn": {"type": "boolean"},
                    "values": {"type": "object", "additionalProperties": {"type": "string"}},
                    "recordedAt": {"type": "integer", "format": "int64"},
                    "author": {"type": "string"},
                    "deadlines": {
                      "type": "object",
                      "description": "An incident's APPI report deadlines (PRIV-2).",
                      "required": ["preliminaryTarget", "preliminaryLatest", "finalReportDeadline", "finalReportPeriodDays"],
                      "properties": {
                        "preliminaryTarget": {"type": "string", "format": "date"},
                        "preliminaryLatest": {"type": "string", "format": "date"},
                        "finalReportDeadline": {"type": "string", "format": "date"},
                        "finalReportPeriodDays": {"type": "integer", "enum": [30, 60]}
                      }
                    }
                  }
                },
                "AccessReview": {
                  "type": "object",
                  "required": ["task", "from", "until", "eventsReviewed", "systemEvents", "truncated", "findings"],
                  "properties": {
                    "task": {"type": "string"},
                    "from": {"type": "integer", "format": "int64"},
                    "until": {"type": "integer", "format": "int64"},
                    "eventsReviewed": {"type": "integer"},
                    "systemEvents": {"type": "integer"},
                    "truncated": {"type": "boolean"},
                    "findings": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["actor", "date", "first", "last", "patientIDs", "eventIDs", "actions", "access"],
                        "properties": {
                          "actor": {"type": "string"},
                          "date": {"type": "string", "format": "date"},
                          "first": {"type": "integer", "format": "int64"},
                          "last": {"type": "integer", "format": "int64"},
                          "patientIDs": {"type": "array", "items": {"type": "string"}},
                          "eventIDs": {"type": "array", "items": {"type": "string"}},
                          "actions": {"type": "array", "items": {"type": "string"}},
                          "access": {"type": "array", "items": {"type": "string"}},
                          "flag": {"type": "string", "enum": ["staff", "relative", "vip"]}
                        }
                      }
                    }
                  }
                },
                "SignOffRequest": {
                  "type": "object",
                  "required": ["from", "until", "findings", "comment"],
                  "additionalProperties": false,
                  "properties": {
                    "from": {"type": "string", "format": "date"},
                    "until": {"type": "string", "format": "date"},
                    "findings": {"type": "integer", "minimum": 0},
                    "comment": {"type": "string", "minLength": 1, "maxLength": 2000}
                  }
                },
                "ReviewSignOff": {
                  "type": "object",
                  "required": ["id", "task", "from", "until", "findings", "comment", "signedAt", "reviewer"],
                  "properties": {
                    "id": {"type": "string"},
                    "task": {"type": "string"},
                    "from": {"type": "integer", "format": "int64"},
                    "until": {"type": "integer", "format": "int64"},
                    "findings": {"type": "integer"},
                    "comment": {"type": "string"},
                    "signedAt": {"type": "integer", "format": "int64"},
                    "reviewer": {"type": "string"}
                  }
                },
                "ReviewSignOffList": {
                  "type": "object",
                  "required": ["signOffs"],
                  "properties": {"signOffs": {"type": "array", "items": {"$ref": "#/components/schemas/ReviewSignOff"}}}
                },
                "FlagRequest": {
                  "type": "object",
                  "required": ["kind"],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {"type": "string", "enum": ["staff", "relative", "vip"]},
                    "note": {"type": "string", "maxLength": 500}
                  }
                },
                "PatientFlag": {
                  "type": "object",
                  "required": ["id", "patientID", "kind", "version", "cleared", "recordedAt"],
                  "properties": {
                    "id": {"type": "string"},
                    "patientID": {"type": "string"},
                    "kind": {"type": "string", "enum": ["staff", "relative", "vip"]},
                    "note": {"type": "string"},
                    "version": {"type": "integer", "format": "int64"},
                    "cleared": {"type": "boolean"},
                    "recordedAt": {"type": "integer", "format": "int64"}
                  }
                },
                "PatientFlagList": {
                  "type": "object",
                  "required": ["flags"],
                  "properties": {"flags": {"type": "array", "items": {"$ref": "#/components/schemas/PatientFlag"}}}
                },
                "RegistryEntryList": {
                  "type": "object",
                  "required": ["entries"],
                  "properties": {"entries": {"type": "array", "items": {"$ref": "#/components/schemas/RegistryEntry"}}}
                },
        """#
}
