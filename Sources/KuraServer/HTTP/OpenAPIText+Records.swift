/// The clinical part of the OpenAPI document (patients, entries, versions, proofs), spliced
/// into ``OpenAPIText/json``; written and reviewed like the rest of it.
extension OpenAPIText {
    static let recordPaths = #"""

              "/api/v1/patients": {
                "post": {
                  "operationId": "registerPatient",
                  "tags": ["patients"],
                  "summary": "Register a patient",
                  "description": "Needs a role that registers patients (physician, nurse, clerk). The registrant and the listed accounts form the care team. Patients with the same kana and birth date are returned as `possibleDuplicates` for the clerk to check (REC-1); registration goes ahead. The patient number must be unique (409). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegisterPatientRequest"}}}
                  },
                  "responses": {
                    "201": {
                      "description": "The new patient and likely duplicates.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegisteredPatient"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/patients/search": {
                "post": {
                  "operationId": "searchPatients",
                  "tags": ["patients"],
                  "summary": "Search patients",
                  "description": "Exactly one of kana prefix (hiragana or katakana, any width, 長音 and small kana folded), part of the name, exact patient number or exact birth date. A POST, so no PHI ends up in a URL. Only patients on the caller's care teams or under a running break-glass grant are returned, at most 50; the search is audited with every id returned (AUD-1). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PatientQuery"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The patients found.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PatientList"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/patients/{patient}": {
                "get": {
                  "operationId": "getChart",
                  "tags": ["patients"],
                  "summary": "Open a chart",
                  "description": "The patient, the structured lists, the care team and the newest 50 entries (older pages with `beforeAt` and `beforeID` of the last entry seen). Needs the care team or a running break-glass grant (403 `forbidden` with reason `not-in-care-team` otherwise). The read is audited before the reply is sent (AUD-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [
                    {"$ref": "#/components/parameters/PatientID"},
                    {"$ref": "#/components/parameters/BeforeAt"},
                    {"$ref": "#/components/parameters/BeforeID"}
                  ],
                  "responses": {
                    "200": {
                      "description": "The chart.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chart"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                },
                "put": {
                  "operationId": "updatePatient",
                  "tags": ["patients"],
                  "summary": "Change a patient's demographics",
                  "description": "A new version of the demographics; `revision` must be the current one (409 otherwise; REC-1, REC-2). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdatePatientRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The patient.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Patient"}}}
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
              "/api/v1/patients/{patient}/merge": {
                "post": {
                  "operationId": "mergePatient",
                  "tags": ["patients"],
                  "summary": "Link a duplicate record into another",
                  "description": "Two records of one person are linked, never deleted (REC-1): the record gets a new version naming the other patient, with the reason; it leaves searches. Undo with unmerge. Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MergeRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The linked patient.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Patient"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/patients/{patient}/unmerge": {
                "post": {
                  "operationId": "unmergePatient",
                  "tags": ["patients"],
                  "summary": "Undo a merge",
                  "description": "A new version without the link, with the reason (REC-1). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnmergeRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The patient.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Patient"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/patients/{patient}/care-team": {
                "post": {
                  "operationId": "addCareTeamMember",
                  "tags": ["patients"],
                  "summary": "Add an account to the care team",
                  "description": "The account must be active; a ledger leaf records who added whom (ACC-1). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CareTeamRequest"}}}
                  },
                  "responses": {
                    "204": {
                      "description": "Added.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}}
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
              "/api/v1/patients/{patient}/care-team/{account}": {
                "delete": {
                  "operationId": "removeCareTeamMember",
                  "tags": ["patients"],
                  "summary": "Take an account off the care team",
                  "description": "A ledger leaf records it (ACC-1). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}, {"$ref": "#/components/parameters/MemberAccountID"}],
                  "responses": {
                    "204": {
                      "description": "Removed.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/patients/{patient}/lists/{kind}": {
                "put": {
                  "operationId": "putPatientList",
                  "tags": ["patients"],
                  "summary": "Replace a structured list",
                  "description": "Allergies, problems or medications: a new version of the whole list. `revision` is the list's current revision, or absent for a list not yet recorded (409 otherwise; REC-2). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}, {"$ref": "#/components/parameters/ListKind"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PutListRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The list.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PatientListView"}}}
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
              "/api/v1/patients/{patient}/entries": {
                "post": {
                  "operationId": "createEntry",
                  "tags": ["entries"],
                  "summary": "Record an entry",
                  "description": "A progress note, home-visit record (needs `careAt`, the visit's start), prescription note, referral letter or scanned document. A draft unless `finalize`; with `onBehalfOf` a proxy entry (代行入力, ACC-6) that waits for that physician's approval. `careAt` records the original care time of a back entry after an outage. The version and its ledger leaf commit together. Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewEntryRequest"}}}
                  },
                  "responses": {
                    "201": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}": {
                "get": {
                  "operationId": "getEntry",
                  "tags": ["entries"],
                  "summary": "Read an entry",
                  "description": "The current version, audited (AUD-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "responses": {
                    "200": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                },
                "put": {
                  "operationId": "editEntry",
                  "tags": ["entries"],
                  "summary": "Rewrite a draft",
                  "description": "Only the author, only a draft; a new version (REC-2). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EditEntryRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}/finalize": {
                "post": {
                  "operationId": "finalizeEntry",
                  "tags": ["entries"],
                  "summary": "Finalize (確定) a draft",
                  "description": "Only the author (422 `refused.not-author` otherwise). A finalized entry never changes again (REC-2). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RevisionRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}/amend": {
                "post": {
                  "operationId": "amendEntry",
                  "tags": ["entries"],
                  "summary": "Amend a finalized entry",
                  "description": "A new version with the required reason, by the author, the finalizer or the named physician (REC-2). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AmendRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}/entered-in-error": {
                "post": {
                  "operationId": "markEntryEnteredInError",
                  "tags": ["entries"],
                  "summary": "Mark an entry entered in error",
                  "description": "A new version with the required reason; nothing is deleted (REC-2). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReasonRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}/approve": {
                "post": {
                  "operationId": "approveEntry",
                  "tags": ["entries"],
                  "summary": "Approve a proxy entry",
                  "description": "Only the physician the entry was made for; the entry becomes final with that physician as finalizer (ACC-6). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RevisionRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}/reject": {
                "post": {
                  "operationId": "rejectEntry",
                  "tags": ["entries"],
                  "summary": "Reject a proxy entry",
                  "description": "Only the physician the entry was made for, with a reason; the entry is kept as rejected (ACC-6). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReasonRequest"}}}
                  },
                  "responses": {
                    "200": {
                      "description": "The entry.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"},
                    "422": {"$ref": "#/components/responses/Refused"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}/versions": {
                "get": {
                  "operationId": "listEntryVersions",
                  "tags": ["entries"],
                  "summary": "Every version of an entry",
                  "description": "With author, times, state and the reason of each change, oldest first; audited (AUD-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}],
                  "responses": {
                    "200": {
                      "description": "The versions.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VersionList"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/entries/{entry}/proof": {
                "get": {
                  "operationId": "proveEntryVersion",
                  "tags": ["entries"],
                  "summary": "Prove a version is in the log",
                  "description": "A C2SP tlog-proof of the version's leaf against the newest signed checkpoint (the `proof` member, which `kura verify inclusion` reads as it is), with the leaf, the details and the salt that recompute its commitment (REC-2, AUD-2). 202 with `Retry-After` until a checkpoint covers the version.",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/EntryID"}, {"$ref": "#/components/parameters/Version"}],
                  "responses": {
                    "200": {
                      "description": "The proof.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntryProof"}}}
                    },
                    "202": {"$ref": "#/components/responses/NotYetIntegrated"},
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/patients/{patient}/attachments": {
                "post": {
                  "operationId": "addAttachment",
                  "tags": ["patients"],
                  "summary": "Attach a file",
                  "description": "A PDF, JPEG or PNG only, checked by content (415 otherwise, also when the Content-Type disagrees), at most `records.attachmentMaxMegabytes` (413). Stored sealed in chunks under a random id. The file name travels percent-encoded in `Kura-File-Name`, never in the URL; for a scan, `Kura-Received-On` and `Kura-Scanned-On` give the dates (YYYY-MM-DD, JST) and a scan more than one business day after receipt, on the clinic calendar, is flagged in `scannedLateBusinessDays` (SCAN-3). Cookie sessions send `X-CSRF-Token`.",
                  "security": [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}],
                  "parameters": [
                    {"$ref": "#/components/parameters/PatientID"},
                    {"$ref": "#/components/parameters/FileNameHeader"},
                    {"$ref": "#/components/parameters/EntryHeader"},
                    {"$ref": "#/components/parameters/ReceivedHeader"},
                    {"$ref": "#/components/parameters/ScannedHeader"},
                    {"$ref": "#/components/parameters/ColourHeader"}
                  ],
                  "requestBody": {
                    "required": true,
                    "content": {
                      "application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}},
                      "image/jpeg": {"schema": {"type": "string", "contentMediaType": "image/jpeg"}},
                      "image/png": {"schema": {"type": "string", "contentMediaType": "image/png"}}
                    }
                  },
                  "responses": {
                    "201": {
                      "description": "The stored attachment.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Attachment"}}}
                    },
                    "413": {"$ref": "#/components/responses/ContentTooLarge"},
                    "415": {"$ref": "#/components/responses/UnsupportedMedia"},
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                },
                "get": {
                  "operationId": "listAttachments",
                  "tags": ["patients"],
                  "summary": "List a patient's attachments",
                  "description": "Without content, newest first; audited (AUD-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/PatientID"}],
                  "responses": {
                    "200": {
                      "description": "The attachments.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AttachmentList"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/attachments/{attachment}": {
                "get": {
                  "operationId": "getAttachment",
                  "tags": ["patients"],
                  "summary": "Download an attachment",
                  "description": "The file as stored, as a download of its checked type (`nosniff`, a sandboxing CSP); audited before it is sent (AUD-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/AttachmentID"}],
                  "responses": {
                    "200": {
                      "description": "The file.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {
                        "application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}},
                        "image/jpeg": {"schema": {"type": "string", "contentMediaType": "image/jpeg"}},
                        "image/png": {"schema": {"type": "string", "contentMediaType": "image/png"}}
                      }
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/retention/report": {
                "get": {
                  "operationId": "retentionReport",
                  "tags": ["retention"],
                  "summary": "Dry run of a purge",
                  "description": "Administrators only. Which entries could be purged on the day (`on`, default today in JST) and which must still be kept: 診療録 (progress notes, home visits) 5 years and other records 3 years from the end of care, never from before the record itself (RET-1, RET-2). Ids and counts only. Nothing is deleted: the purge itself is a later, explicit and audited action.",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "parameters": [{"$ref": "#/components/parameters/OnDate"}],
                  "responses": {
                    "200": {
                      "description": "The report.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RetentionReport"}}}
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
              "/api/v1/approvals": {
                "get": {
                  "operationId": "listApprovals",
                  "tags": ["entries"],
                  "summary": "My proxy entries awaiting approval",
                  "description": "Entries made on the caller's behalf that wait for approval, newest first (ACC-6); audited (AUD-1).",
                  "security": [{"sessionCookie": []}, {"bearerToken": []}],
                  "responses": {
                    "200": {
                      "description": "The entries.",
                      "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntryList"}}}
                    },
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"},
                    "503": {"$ref": "#/components/responses/Unavailable"}
                  }
                }
              },
        """#

    static let recordParameters = #"""

                "PatientID": {
                  "name": "patient",
                  "in": "path",
                  "required": true,
                  "description": "The patient's opaque id (`pat_…`).",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "EntryID": {
                  "name": "entry",
                  "in": "path",
                  "required": true,
                  "description": "The entry's opaque id (`ent_…`).",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "MemberAccountID": {
                  "name": "account",
                  "in": "path",
                  "required": true,
                  "description": "The account's opaque id.",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "ListKind": {
                  "name": "kind",
                  "in": "path",
                  "required": true,
                  "description": "Which list.",
                  "schema": {"type": "string", "enum": ["allergies", "problems", "medications"]}
                },
                "BeforeAt": {
                  "name": "beforeAt",
                  "in": "query",
                  "required": false,
                  "description": "With `beforeID`: entries older than this entry's `createdAt`.",
                  "schema": {"type": "integer", "format": "int64"}
                },
                "BeforeID": {
                  "name": "beforeID",
                  "in": "query",
                  "required": false,
                  "description": "With `beforeAt`: the id of the last entry seen.",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "AttachmentID": {
                  "name": "attachment",
                  "in": "path",
                  "required": true,
                  "description": "The attachment's opaque id (`att_…`).",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "FileNameHeader": {
                  "name": "Kura-File-Name",
                  "in": "header",
                  "required": true,
                  "description": "The original file name, percent-encoded UTF-8, 1 to 255 characters (sealed; PHI).",
                  "schema": {"type": "string", "minLength": 1}
                },
                "EntryHeader": {
                  "name": "Kura-Entry",
                  "in": "header",
                  "required": false,
                  "description": "The scanned-document entry the file belongs to.",
                  "schema": {"type": "string", "minLength": 1, "maxLength": 64}
                },
                "ReceivedHeader": {
                  "name": "Kura-Received-On",
                  "in": "header",
                  "required": false,
                  "description": "When the paper original was received, YYYY-MM-DD (with Kura-Scanned-On).",
                  "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date, YYYY-MM-DD."}
                },
                "ScannedHeader": {
                  "name": "Kura-Scanned-On",
                  "in": "header",
                  "required": false,
                  "description": "When it was scanned, YYYY-MM-DD (with Kura-Received-On).",
                  "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date, YYYY-MM-DD."}
                },
                "ColourHeader": {
                  "name": "Kura-Scan-Colour",
                  "in": "header",
                  "required": false,
                  "description": "How a scan was made (SCAN-3).",
                  "schema": {"type": "string", "enum": ["colour", "greyscale", "monochrome"]}
                },
                "OnDate": {
                  "name": "on",
                  "in": "query",
                  "required": false,
                  "description": "The day to report for, YYYY-MM-DD; today (JST) when absent.",
                  "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date, YYYY-MM-DD."}
                },
                "Version": {
                  "name": "version",
                  "in": "query",
                  "required": false,
                  "description": "The version to prove; the current one when absent.",
                  "schema": {"type": "integer", "format": "int64", "minimum": 1}
                },
        """#

    static let recordResponses = #"""

                "ContentTooLarge": {
                  "description": "The file is larger than the configured limit (`content-too-large`).",
                  "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                },
                "UnsupportedMedia": {
                  "description": "The file is not a whole PDF, JPEG or PNG, or not the type its Content-Type claims (`unsupported-media`).",
                  "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                },
                "Refused": {
                  "description": "The record's rules refuse the change (`refused.<rule>`: `not-author`, `reason-required`, `not-named-physician`, `final-entry`, …; the message says which rule).",
                  "headers": {"Cache-Control": {"$ref": "#/components/headers/CacheControl"}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                },
                "NotYetIntegrated": {
                  "description": "The version is not in a signed checkpoint yet (`not-yet-integrated`); retry after the given seconds.",
                  "headers": {
                    "Retry-After": {"$ref": "#/components/headers/RetryAfter"},
                    "Cache-Control": {"$ref": "#/components/headers/CacheControl"}
                  },
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                },
        """#

    static let recordSchemas = #"""

                "Demographics": {
                  "type": "object",
                  "description": "What the clinic records about who the patient is; all of it is PHI, stored sealed.",
                  "required": ["patientNumber", "name", "kana", "birthDate", "sex"],
                  "additionalProperties": false,
                  "properties": {
                    "patientNumber": {
                      "type": "string",
                      "pattern": "^[0-9A-Za-z-]{1,20}$",
                      "description": "The clinic's patient number, unique."
                    },
                    "name": {"type": "string", "minLength": 1, "maxLength": 100},
                    "kana": {"type": "string", "minLength": 1, "maxLength": 100, "description": "The reading in kana (フリガナ)."},
                    "birthDate": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    },
                    "sex": {"type": "string", "enum": ["male", "female", "other", "unknown"]},
                    "address": {"type": "string", "minLength": 1, "maxLength": 300},
                    "phone": {"type": "string", "pattern": "^[0-9 +()-]{1,30}$"},
                    "insurerNumber": {"type": "string", "pattern": "^([0-9]{6}|[0-9]{8})$", "description": "保険者番号."},
                    "insuranceSymbol": {"type": "string", "minLength": 1, "maxLength": 40, "description": "記号."},
                    "insuranceNumber": {"type": "string", "minLength": 1, "maxLength": 40, "description": "番号."},
                    "careStartedOn": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    },
                    "careEndedOn": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    }
                  }
                },
                "RegisterPatientRequest": {
                  "type": "object",
                  "required": ["demographics"],
                  "additionalProperties": false,
                  "properties": {
                    "demographics": {"$ref": "#/components/schemas/Demographics"},
                    "careTeam": {
                      "type": "array",
                      "items": {"type": "string", "minLength": 1, "maxLength": 64},
                      "description": "Account ids to put on the care team besides the registrant."
                    }
                  }
                },
                "UpdatePatientRequest": {
                  "type": "object",
                  "required": ["demographics", "revision"],
                  "additionalProperties": false,
                  "properties": {
                    "demographics": {"$ref": "#/components/schemas/Demographics"},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1}
                  }
                },
                "MergeRequest": {
                  "type": "object",
                  "required": ["into", "reason", "revision"],
                  "additionalProperties": false,
                  "properties": {
                    "into": {"type": "string", "minLength": 1, "maxLength": 64},
                    "reason": {"type": "string", "minLength": 1, "maxLength": 2000},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1}
                  }
                },
                "UnmergeRequest": {
                  "type": "object",
                  "required": ["reason", "revision"],
                  "additionalProperties": false,
                  "properties": {
                    "reason": {"type": "string", "minLength": 1, "maxLength": 2000},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1}
                  }
                },
                "CareTeamRequest": {
                  "type": "object",
                  "required": ["accountID"],
                  "additionalProperties": false,
                  "properties": {"accountID": {"type": "string", "minLength": 1, "maxLength": 64}}
                },
                "ListItem": {
                  "type": "object",
                  "required": ["text"],
                  "additionalProperties": false,
                  "properties": {
                    "text": {"type": "string", "minLength": 1, "maxLength": 500},
                    "note": {"type": "string", "maxLength": 500},
                    "since": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    }
                  }
                },
                "PutListRequest": {
                  "type": "object",
                  "required": ["items"],
                  "additionalProperties": false,
                  "properties": {
                    "items": {"type": "array", "maxItems": 200, "items": {"$ref": "#/components/schemas/ListItem"}},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1}
                  }
                },
                "PatientQuery": {
                  "type": "object",
                  "description": "Exactly one member.",
                  "required": [],
                  "additionalProperties": false,
                  "properties": {
                    "kanaPrefix": {"type": "string", "minLength": 1, "maxLength": 100},
                    "name": {"type": "string", "minLength": 1, "maxLength": 100},
                    "patientNumber": {"type": "string", "minLength": 1, "maxLength": 100},
                    "birthDate": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    }
                  }
                },
                "Patient": {
                  "type": "object",
                  "required": ["id", "revision", "demographics", "createdAt", "createdBy", "updatedAt", "updatedBy"],
                  "additionalProperties": false,
                  "properties": {
                    "id": {"type": "string", "minLength": 1, "maxLength": 64},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1},
                    "demographics": {"$ref": "#/components/schemas/Demographics"},
                    "mergedInto": {"type": "string", "minLength": 1, "maxLength": 64},
                    "createdAt": {"$ref": "#/components/schemas/Timestamp"},
                    "createdBy": {"type": "string", "minLength": 1, "maxLength": 64},
                    "updatedAt": {"$ref": "#/components/schemas/Timestamp"},
                    "updatedBy": {"type": "string", "minLength": 1, "maxLength": 64}
                  }
                },
                "RegisteredPatient": {
                  "type": "object",
                  "required": ["patient", "possibleDuplicates"],
                  "additionalProperties": false,
                  "properties": {
                    "patient": {"$ref": "#/components/schemas/Patient"},
                    "possibleDuplicates": {
                      "type": "array",
                      "items": {"type": "string", "minLength": 1, "maxLength": 64},
                      "description": "Existing patients with the same kana and birth date (REC-1)."
                    }
                  }
                },
                "PatientSummary": {
                  "type": "object",
                  "required": ["id", "patientNumber", "name", "kana", "birthDate", "sex"],
                  "additionalProperties": false,
                  "properties": {
                    "id": {"type": "string", "minLength": 1, "maxLength": 64},
                    "patientNumber": {"type": "string"},
                    "name": {"type": "string"},
                    "kana": {"type": "string"},
                    "birthDate": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    },
                    "sex": {"type": "string"}
                  }
                },
                "PatientList": {
                  "type": "object",
                  "required": ["patients"],
                  "additionalProperties": false,
                  "properties": {"patients": {"type": "array", "items": {"$ref": "#/components/schemas/PatientSummary"}}}
                },
                "PatientListView": {
                  "type": "object",
                  "required": ["kind", "revision", "items", "updatedAt", "updatedBy"],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {"type": "string", "enum": ["allergies", "problems", "medications"]},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1},
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/ListItem"}},
                    "updatedAt": {"$ref": "#/components/schemas/Timestamp"},
                    "updatedBy": {"type": "string", "minLength": 1, "maxLength": 64}
                  }
                },
                "EntryKind": {
                  "type": "string",
                  "enum": ["progress-note", "home-visit", "prescription-note", "referral-letter", "scanned-document"],
                  "description": "progress-note: subjective, objective, assessment, plan. home-visit: place (required), participants and SOAP. prescription-note: prescription (required), note. referral-letter: recipient and body (required), purpose. scanned-document: title (required), description."
                },
                "EntryContent": {
                  "type": "object",
                  "required": ["fields"],
                  "additionalProperties": false,
                  "properties": {
                    "fields": {
                      "type": "object",
                      "description": "The kind's fields as text, each at most 20,000 characters; unknown fields are refused.",
                      "additionalProperties": {"type": "string", "maxLength": 20000}
                    },
                    "visitEndedAt": {"$ref": "#/components/schemas/Timestamp"}
                  }
                },
                "NewEntryRequest": {
                  "type": "object",
                  "required": ["kind", "content"],
                  "additionalProperties": false,
                  "properties": {
                    "kind": {"$ref": "#/components/schemas/EntryKind"},
                    "content": {"$ref": "#/components/schemas/EntryContent"},
                    "careAt": {"$ref": "#/components/schemas/Timestamp"},
                    "onBehalfOf": {"type": "string", "minLength": 1, "maxLength": 64},
                    "finalize": {"type": "boolean", "default": false}
                  }
                },
                "EditEntryRequest": {
                  "type": "object",
                  "required": ["content", "revision"],
                  "additionalProperties": false,
                  "properties": {
                    "content": {"$ref": "#/components/schemas/EntryContent"},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1}
                  }
                },
                "RevisionRequest": {
                  "type": "object",
                  "required": ["revision"],
                  "additionalProperties": false,
                  "properties": {"revision": {"type": "integer", "format": "int64", "minimum": 1}}
                },
                "AmendRequest": {
                  "type": "object",
                  "required": ["content", "reason", "revision"],
                  "additionalProperties": false,
                  "properties": {
                    "content": {"$ref": "#/components/schemas/EntryContent"},
                    "reason": {"type": "string", "minLength": 1, "maxLength": 2000},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1}
                  }
                },
                "ReasonRequest": {
                  "type": "object",
                  "required": ["reason", "revision"],
                  "additionalProperties": false,
                  "properties": {
                    "reason": {"type": "string", "minLength": 1, "maxLength": 2000},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1}
                  }
                },
                "EntryState": {
                  "type": "string",
                  "enum": ["draft", "pending-approval", "finalized", "amended", "entered-in-error", "rejected"]
                },
                "Entry": {
                  "type": "object",
                  "required": [
                    "id",
                    "patientID",
                    "kind",
                    "state",
                    "revision",
                    "author",
                    "createdAt",
                    "updatedAt",
                    "content",
                    "unsignedPrintAndSeal"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "id": {"type": "string", "minLength": 1, "maxLength": 64},
                    "patientID": {"type": "string", "minLength": 1, "maxLength": 64},
                    "kind": {"$ref": "#/components/schemas/EntryKind"},
                    "state": {"$ref": "#/components/schemas/EntryState"},
                    "revision": {"type": "integer", "format": "int64", "minimum": 1},
                    "author": {"type": "string", "minLength": 1, "maxLength": 64},
                    "onBehalfOf": {"type": "string", "minLength": 1, "maxLength": 64},
                    "createdAt": {"$ref": "#/components/schemas/Timestamp"},
                    "updatedAt": {"$ref": "#/components/schemas/Timestamp"},
                    "careAt": {"$ref": "#/components/schemas/Timestamp"},
                    "finalizedBy": {"type": "string", "minLength": 1, "maxLength": 64},
                    "finalizedAt": {"$ref": "#/components/schemas/Timestamp"},
                    "content": {"$ref": "#/components/schemas/EntryContent"},
                    "unsignedPrintAndSeal": {
                      "type": "boolean",
                      "description": "A document the law requires to be signed, not signed electronically: print and seal it (SIG-1)."
                    }
                  }
                },
                "EntryList": {
                  "type": "object",
                  "required": ["entries"],
                  "additionalProperties": false,
                  "properties": {"entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}}}
                },
                "Chart": {
                  "type": "object",
                  "required": ["patient", "lists", "careTeam", "entries", "access"],
                  "additionalProperties": false,
                  "properties": {
                    "patient": {"$ref": "#/components/schemas/Patient"},
                    "lists": {"type": "array", "items": {"$ref": "#/components/schemas/PatientListView"}},
                    "careTeam": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 64}},
                    "entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
                    "access": {
                      "type": "string",
                      "enum": ["care-team", "break-glass"],
                      "description": "Why the caller may see it."
                    }
                  }
                },
                "Version": {
                  "type": "object",
                  "required": ["version", "state", "author", "recordedAt"],
                  "additionalProperties": false,
                  "properties": {
                    "version": {"type": "integer", "format": "int64", "minimum": 1},
                    "state": {"$ref": "#/components/schemas/EntryState"},
                    "author": {"type": "string", "minLength": 1, "maxLength": 64},
                    "onBehalfOf": {"type": "string", "minLength": 1, "maxLength": 64},
                    "recordedAt": {"$ref": "#/components/schemas/Timestamp"},
                    "careAt": {"$ref": "#/components/schemas/Timestamp"},
                    "finalizedBy": {"type": "string", "minLength": 1, "maxLength": 64},
                    "finalizedAt": {"$ref": "#/components/schemas/Timestamp"},
                    "content": {"$ref": "#/components/schemas/EntryContent"},
                    "reason": {"type": "string"}
                  }
                },
                "VersionList": {
                  "type": "object",
                  "required": ["versions"],
                  "additionalProperties": false,
                  "properties": {"versions": {"type": "array", "items": {"$ref": "#/components/schemas/Version"}}}
                },
                "Attachment": {
                  "type": "object",
                  "required": ["id", "patientID", "mediaType", "byteCount", "fileName", "createdAt", "createdBy"],
                  "additionalProperties": false,
                  "properties": {
                    "id": {"type": "string", "minLength": 1, "maxLength": 64},
                    "patientID": {"type": "string", "minLength": 1, "maxLength": 64},
                    "entryID": {"type": "string", "minLength": 1, "maxLength": 64},
                    "mediaType": {"type": "string", "enum": ["application/pdf", "image/jpeg", "image/png"]},
                    "byteCount": {"type": "integer", "format": "int64", "minimum": 1},
                    "fileName": {"type": "string"},
                    "pixelWidth": {"type": "integer", "minimum": 1},
                    "pixelHeight": {"type": "integer", "minimum": 1},
                    "resolutionDPI": {"type": "integer", "minimum": 1},
                    "receivedOn": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    },
                    "scannedOn": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    },
                    "colour": {"type": "string", "enum": ["colour", "greyscale", "monochrome"]},
                    "scannedLateBusinessDays": {
                      "type": "integer",
                      "minimum": 2,
                      "description": "Business days from receipt to scan, when more than one (SCAN-3)."
                    },
                    "createdAt": {"$ref": "#/components/schemas/Timestamp"},
                    "createdBy": {"type": "string", "minLength": 1, "maxLength": 64}
                  }
                },
                "AttachmentList": {
                  "type": "object",
                  "required": ["attachments"],
                  "additionalProperties": false,
                  "properties": {"attachments": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}}}
                },
                "RetentionReport": {
                  "type": "object",
                  "required": ["asOf", "years", "purgeable", "retained", "indefinite"],
                  "additionalProperties": false,
                  "properties": {
                    "asOf": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                      "description": "A date, YYYY-MM-DD."
                    },
                    "years": {
                      "type": "object",
                      "description": "Years kept per entry kind.",
                      "additionalProperties": {"type": "integer", "minimum": 3}
                    },
                    "purgeable": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["patientID", "kind", "entries", "decision"],
                        "additionalProperties": false,
                        "properties": {
                          "patientID": {"type": "string", "minLength": 1, "maxLength": 64},
                          "kind": {"$ref": "#/components/schemas/EntryKind"},
                          "entries": {"type": "integer", "minimum": 1},
                          "decision": {"type": "string", "enum": ["purgeable"]},
                          "date": {
                            "type": "string",
                            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                            "description": "A date, YYYY-MM-DD."
                          }
                        }
                      }
                    },
                    "retained": {"type": "integer", "minimum": 0, "description": "Entries still within their retention period."},
                    "indefinite": {"type": "integer", "minimum": 0, "description": "Entries of patients whose care has not ended."}
                  }
                },
                "EntryProof": {
                  "type": "object",
                  "required": ["entryID", "version", "index", "leaf", "details", "salt", "proof"],
                  "additionalProperties": false,
                  "properties": {
                    "entryID": {"type": "string", "minLength": 1, "maxLength": 64},
                    "version": {"type": "integer", "format": "int64", "minimum": 1},
                    "index": {"type": "integer", "format": "int64", "minimum": 0},
                    "leaf": {"type": "string", "description": "The leaf bytes as served in entry bundles."},
                    "details": {
                      "type": "string",
                      "description": "The canonical JSON the leaf commits to: kind, ids, version, hashes of the ciphertext and reason, author, finalizer, times."
                    },
                    "salt": {"type": "string", "description": "The commitment's 32-byte salt, base64."},
                    "proof": {"type": "string", "description": "The C2SP tlog-proof text."}
                  }
                },
        """#
}
