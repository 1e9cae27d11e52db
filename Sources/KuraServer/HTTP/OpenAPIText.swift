/// The OpenAPI 3.1 document of Kura's HTTP interface (DESIGN "Interfaces"): the JSON API under
/// `/api/v1`, the health check and the C2SP tlog-tiles log. Written by hand and reviewed like
/// code; it is compiled in, so the binary serves exactly this text at `/api/v1/openapi.json`.
/// `OpenAPITests` checks that every route the router registers is documented, that every
/// documented operation exists, and that real replies match their schemas.
enum OpenAPIText {
    static let json: String = #"""
        {
          "openapi": "3.1.0",
          "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
          "info": {
            "title": "Kura API",
            "version": "1",
            "summary": "蔵 Kura: the JSON API of a clinical record system for small Japanese clinics.",
            "description": "The JSON API under `/api/v1`, the public health check and the C2SP tlog-tiles log.\n\n**Authentication.** A browser signs in with `POST /api/v1/session` and receives the session cookie `__Host-kura-session` (`Secure; HttpOnly; SameSite=Strict`, SESS-1). A cookie-authenticated request that changes state must also send the session's CSRF token in the `X-CSRF-Token` header (the token is in every `SessionState` body). API clients obtain a short-lived bearer token with `POST /api/v1/tokens` (password and TOTP code, bound to an approved device) and send `Authorization: Bearer <token>`; they need no CSRF token.\n\n**Sign-in stages.** A session that is not at stage `ready` reaches only the operations of its stage and sign-out (MFA-1, AUTH-4); anything else answers 403 with error `stage-required.<stage>`.\n\n**Errors.** Every refusal under `/api/v1` is the JSON body `{\"error\": code, \"message\": text}`; the code is stable, the message is for people, in Japanese unless `Accept-Language` starts with `en`. Messages never contain a password, token, code or whether an account exists (AUTH-5). 429 answers carry `Retry-After` in seconds.\n\n**Values.** Times are integers, milliseconds since the Unix epoch, UTC. Ids are opaque strings. An optional member of a reply is omitted when it has no value; replies never contain `null`. Every JSON reply is sent with `Cache-Control: no-store`. Request bodies are JSON objects of at most 64 KiB; the identity operations ignore members they do not define, the patient and entry operations refuse them (400, naming the member).",
            "license": { "name": "Proprietary", "identifier": "LicenseRef-Kura" }
          },
          "servers": [{ "url": "/", "description": "The Kura server itself (https, or http on loopback with --insecure-http)." }],
          "tags": [
            { "name": "setup", "description": "初期設定 First-administrator setup with the one-time code (ACC-1)." },
            { "name": "session", "description": "ログイン・セッション Sign-in, second factor, re-authentication, sign-out (AUTH-5, MFA-1, SESS-1…3)." },
            { "name": "tokens", "description": "APIトークン Bearer tokens for API clients (SESS-1, INV-2)." },
            { "name": "me", "description": "マイアカウント The holder's own password, second factor, sessions and devices (AUTH-2, MFA-1, MFA-3, SESS-3)." },
            { "name": "break-glass", "description": "緊急時アクセス Break-glass grants (ACC-7)." },
            { "name": "accounts", "description": "アカウント管理 Account administration (ACC-1, ACC-2, ACC-4, AUTH-4, AUTH-6)." },
            { "name": "devices", "description": "端末管理 Device approval and revocation (INV-2, DEV-2)." },
            { "name": "queues", "description": "アラート・レビュー The alert and review queues (AUD-1, ACC-7)." },
            { "name": "patients", "description": "患者・カルテ Patients, care teams, structured lists and charts; every read that returns patient data is audited before it is sent (REC-1, AUD-1)." },
            { "name": "entries", "description": "診療記録 Clinical entries: drafts, finalization, amendments with reasons, proxy entry and approval, versions and proofs (REC-1, REC-2, ACC-6, SIG-1)." },
            { "name": "retention", "description": "保存期間 Retention of records and the dry run of a purge (RET-1, RET-2)." },
            { "name": "compliance", "description": "点検対応 The MHLW checklist answered from the system's state, the registries, the answers and the sealed report (GOV-1, MFA-1, BAK-1)." },
            { "name": "meta", "description": "This document." },
            { "name": "public", "description": "公開 Health check and the C2SP tlog-tiles transparency log: no session, no PHI." }
          ],
          "paths": {\#(OpenAPIText.recordPaths)\#(OpenAPIText.compliancePaths)
            "/api/v1/setup": {
              "get": {
                "tags": ["setup"],
                "operationId": "getSetupStatus",
                "summary": "初期設定の状態 Whether the first administrator is still to be created",
                "description": "True until the first administrator has been created with the one-time setup code printed at first start (ACC-1: no default credentials anywhere).",
                "security": [],
                "responses": {
                  "200": { "description": "The setup state.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SetupStatus" } } } },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              },
              "post": {
                "tags": ["setup"],
                "operationId": "createFirstAdministrator",
                "summary": "初期管理者の作成 Create the first administrator",
                "description": "Creates the first administrator with the one-time setup code (ACC-1). The code works once, for one account; afterwards, and for a wrong code, the answer is 403 `setup-unavailable`. The password must pass the password policy (AUTH-3, AUTH-4). The new administrator still signs in and enrols a second factor (MFA-1).",
                "security": [],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SetupRequest" } } } },
                "responses": {
                  "201": { "description": "The administrator's account.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "422": { "$ref": "#/components/responses/PasswordRefused" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/session": {
              "post": {
                "tags": ["session"],
                "operationId": "signIn",
                "summary": "ログイン Sign in with login name and password",
                "description": "Checks the password and opens a new browser session with a fresh 256-bit token (SESS-1), bound to the device named by the device cookie or to a new device pending approval (INV-2). Every refusal is the same 401 `invalid-credentials`, taking the time of one password check, whether the account is unknown, the password wrong, the account locked or disabled (AUTH-5); five failures lock the account for 15 minutes. Too many attempts from one client address, or saturated password hashing, answer 429 with `Retry-After` (AUTH-5). A device that was revoked answers 403 (DEV-2). The reply's `stage` says what the session must do next (`second-factor`, `password-change`, `enrolment` or `ready`).",
                "security": [],
                "parameters": [
                  { "name": "__Host-kura-device", "in": "cookie", "required": false, "description": "The long-lived device token set by an earlier sign-in (INV-2).", "schema": { "type": "string" } }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SignInRequest" } } } },
                "responses": {
                  "200": {
                    "description": "Signed in; the session cookie and the device cookie are set.",
                    "headers": {
                      "Set-Cookie": { "description": "`__Host-kura-session=<token>` and `__Host-kura-device=<token>; Max-Age=34560000`, both `Path=/; Secure; HttpOnly; SameSite=Strict`.", "schema": { "type": "string" } },
                      "Cache-Control": { "$ref": "#/components/headers/CacheControl" }
                    },
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SessionState" } } }
                  },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              },
              "get": {
                "tags": ["session"],
                "operationId": "getSession",
                "summary": "セッションの状態 The current session",
                "description": "The calling session at any stage, with its CSRF token: a page that was reloaded reads the token here (ASVS 4.2.2). Idle (10 minutes) and absolute (12 hours) limits apply (SESS-1, SESS-2); an ended session answers 401.",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The session.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SessionState" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              },
              "delete": {
                "tags": ["session"],
                "operationId": "signOut",
                "summary": "ログアウト Sign out",
                "description": "Ends the calling session at any stage and clears the session cookie; for a bearer token, revokes the token (SESS-2). Recorded in the ledger (AUD-1).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "responses": {
                  "204": { "$ref": "#/components/responses/SessionEnded" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/session/switch-user": {
              "post": {
                "tags": ["session"],
                "operationId": "switchUser",
                "summary": "ユーザー切替 Switch user on a shared PC",
                "description": "Ends the calling session like sign-out, recorded as a user switch, so the next person signs in on the same shared PC (SESS-1, SESS-2). The device cookie stays.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "responses": {
                  "204": { "$ref": "#/components/responses/SessionEnded" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/session/second-factor": {
              "post": {
                "tags": ["session"],
                "operationId": "verifySecondFactor",
                "summary": "二要素認証 Pass the second factor",
                "description": "At stage `second-factor`: a TOTP code (RFC 6238, ±1 step, each code accepted once per account, MFA-1), or one of the ten one-time recovery codes (MFA-3). Signing in with a recovery code raises an alert, enters the review queue and leads to stage `enrolment`: a new second factor must be enrolled before anything else. `code` wins when both are sent. A refused code answers 401 `second-factor-rejected` and counts as a failed sign-in (AUTH-5).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SecondFactorRequest" } } } },
                "responses": {
                  "200": { "description": "The session at its next stage.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SessionState" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/session/reauthenticate": {
              "post": {
                "tags": ["session"],
                "operationId": "reauthenticate",
                "summary": "再認証 Re-enter the password for a sensitive action",
                "description": "At stage `ready`: checks the password again, so that sensitive actions (role changes, replacing the second factor or the recovery codes, clinical-role activation, break-glass, export) are allowed for the next few minutes (SESS-3). A wrong password answers 401 `invalid-credentials` and counts toward the lockout (AUTH-5).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PasswordBody" } } } },
                "responses": {
                  "200": { "description": "The session, freshly re-authenticated.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SessionState" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/session/activate-role": {
              "post": {
                "tags": ["session"],
                "operationId": "activateClinicalRole",
                "summary": "臨床ロールの有効化 Activate a clinical role for this session",
                "description": "An administrator who also holds a clinical role (a 院長 who administers the clinic) activates that role for this session only, with the password (ACC-2, SESS-3). The activation is recorded in the ledger and the account is reported as an ACC-2 exception. An account that does not hold the role answers 403.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ActivateRoleRequest" } } } },
                "responses": {
                  "200": { "description": "The session with the role active.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SessionState" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/tokens": {
              "post": {
                "tags": ["tokens"],
                "operationId": "issueAPIToken",
                "summary": "APIトークンの発行 Issue a bearer token to an API client",
                "description": "Issues a short-lived bearer token only after the password **and** a TOTP code (SESS-1, MFA-1), and only to an approved device (INV-2). A client without a device token gets one: the device is registered pending approval and the answer is 202 with `status: device-pending`; once an administrator approved the device, the client retries with that token in the `Kura-Device` header and gets 201. An account without a second factor answers 403 `stage-required.enrolment`. Refusals and rate limits are those of sign-in (AUTH-5).",
                "security": [],
                "parameters": [
                  { "name": "Kura-Device", "in": "header", "required": false, "description": "The device token from an earlier answer of this operation.", "schema": { "type": "string" } }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TokenRequest" } } } },
                "responses": {
                  "201": { "description": "The token.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TokenIssued" } } } },
                  "202": { "description": "The device waits for an administrator's approval; retry with `deviceToken` in `Kura-Device` afterwards.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TokenDevicePending" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/me/password": {
              "post": {
                "tags": ["me"],
                "operationId": "changePassword",
                "summary": "パスワード変更 Change the holder's password",
                "description": "At stage `password-change` or `ready`: the current password is checked, the new one must pass the policy (at least 8 characters mixing letters, digits and symbols, or at least 13 of any kind; no dictionary words, keyboard walks, repeats, sequences, dates or context words; AUTH-3, AUTH-4) and differ from the current one. An initial or reset password must be changed this way at the first sign-in (AUTH-2, AUTH-6). The holder's other sessions end.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PasswordChangeRequest" } } } },
                "responses": {
                  "200": { "description": "The session at its next stage.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SessionState" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "422": { "$ref": "#/components/responses/PasswordRefused" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/me/second-factor": {
              "post": {
                "tags": ["me"],
                "operationId": "beginEnrolment",
                "summary": "二要素認証の登録開始 Start enrolling a TOTP second factor",
                "description": "At stage `enrolment`, or at `ready` after re-authentication (replacing the factor is sensitive, SESS-3): a fresh TOTP secret as text, as an `otpauth://` URI and as a QR code (SVG), and an enrolment token that carries the secret sealed to this session until the first code confirms it (MFA-1). Nothing is stored yet.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The offer.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EnrolmentOffer" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/me/second-factor/confirm": {
              "post": {
                "tags": ["me"],
                "operationId": "confirmEnrolment",
                "summary": "二要素認証の登録確認 Confirm enrolment with the first code",
                "description": "Confirms the enrolment with the first code from the authenticator; stores the secret encrypted and returns ten new one-time recovery codes, shown this once and stored only hashed (MFA-1, MFA-3). The old recovery codes stop working. Recorded in the ledger (AUD-1).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EnrolmentConfirmation" } } } },
                "responses": {
                  "200": { "description": "The recovery codes.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewRecoveryCodes" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/me/recovery-codes": {
              "get": {
                "tags": ["me"],
                "operationId": "countRecoveryCodes",
                "summary": "残りのリカバリーコード数 How many recovery codes are left",
                "description": "The number of unused recovery codes of the holder (MFA-3); the codes themselves are never shown again. Needs a ready session.",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The count.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RecoveryCodeCount" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              },
              "post": {
                "tags": ["me"],
                "operationId": "regenerateRecoveryCodes",
                "summary": "リカバリーコードの再発行 Replace the recovery codes",
                "description": "At stage `ready`, after re-authentication (SESS-3): ten new recovery codes replace the old ones, shown this once (MFA-3). An account without a second factor answers 409.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The new codes.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewRecoveryCodes" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/me/sessions": {
              "get": {
                "tags": ["me"],
                "operationId": "listOwnSessions",
                "summary": "自分のセッション一覧 The holder's open sessions",
                "description": "The holder's open sessions, browser and API, newest first, the calling one marked `current` (SESS-3).",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The sessions.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Session" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/me/sessions/{id}": {
              "delete": {
                "tags": ["me"],
                "operationId": "revokeOwnSession",
                "summary": "セッションの取り消し Revoke one of the holder's sessions",
                "description": "Ends one of the holder's own open sessions, for instance one left open on another PC (SESS-3). Another person's session, or an ended one, answers 404.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/SessionID" }],
                "responses": {
                  "204": { "description": "The session ended.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/me/devices": {
              "get": {
                "tags": ["me"],
                "operationId": "listOwnDevices",
                "summary": "自分の端末一覧 The holder's devices",
                "description": "The devices the holder first signed in on, with their approval state (INV-2).",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The devices.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Device" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/break-glass": {
              "post": {
                "tags": ["break-glass"],
                "operationId": "openBreakGlass",
                "summary": "緊急時アクセス Open a patient outside the care teams",
                "description": "A physician or nurse opens a patient outside their care teams in an emergency (ACC-7): with a reason (4 to 500 characters, stored encrypted) and the password (SESS-3). The grant lasts 60 minutes (configurable), raises an alert, is flagged in the audit trail and waits in the review queue until an auditor or administrator signs it off. Other roles answer 403; a wrong password answers 401.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BreakGlassRequest" } } } },
                "responses": {
                  "201": { "description": "The grant.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BreakGlassGrant" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts": {
              "get": {
                "tags": ["accounts"],
                "operationId": "listAccounts",
                "summary": "アカウント一覧 Every account",
                "description": "Every account, for administrators (ACC-1, ACC-5). Administrators manage accounts but hold no clinical access (ACC-2).",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The accounts.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Account" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              },
              "post": {
                "tags": ["accounts"],
                "operationId": "addAccount",
                "summary": "アカウント追加 Add an account",
                "description": "Adds an account for one person (AUTH-1: no shared or generic accounts) with roles (ACC-1) and, for physicians and nurses, a licence number. The answer carries a one-time initial password, shown this once and stored nowhere in plain; it must be changed at the first sign-in (AUTH-2, AUTH-4). A taken login name answers 409.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewAccount" } } } },
                "responses": {
                  "201": { "description": "The account and its initial password.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewAccountReply" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}": {
              "get": {
                "tags": ["accounts"],
                "operationId": "getAccount",
                "summary": "アカウント詳細 One account",
                "description": "One account, for administrators (ACC-1).",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "responses": {
                  "200": { "description": "The account.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}/roles": {
              "put": {
                "tags": ["accounts"],
                "operationId": "setRoles",
                "summary": "ロール変更 Replace an account's roles",
                "description": "Replaces the roles of another account (ACC-1); nobody changes their own roles (403). A role change is sensitive: the administrator must have re-authenticated in the last few minutes (SESS-3, else 403 `reauthentication-required`). Physician and nurse roles need a licence number on the account. An administrator who also receives a clinical role becomes an ACC-2 exception.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RolesRequest" } } } },
                "responses": {
                  "200": { "description": "The account.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}/end-date": {
              "put": {
                "tags": ["accounts"],
                "operationId": "setEndDate",
                "summary": "利用終了日の設定 Set or clear an account's end date",
                "description": "The last day of use of the account (the person leaves, ACC-4); after it the account is disabled automatically. `null` or an absent `endsAt` clears it.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EndDateRequest" } } } },
                "responses": {
                  "200": { "description": "The account.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}/disable": {
              "post": {
                "tags": ["accounts"],
                "operationId": "disableAccount",
                "summary": "アカウント無効化 Disable an account",
                "description": "Disables another account at once and ends its sessions (ACC-4); administrators do not disable themselves (403).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "responses": {
                  "200": { "description": "The account.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}/enable": {
              "post": {
                "tags": ["accounts"],
                "operationId": "enableAccount",
                "summary": "アカウント有効化 Enable an account",
                "description": "Re-enables a disabled account (ACC-4); an account whose end date has passed answers 400 until the end date is changed.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "responses": {
                  "200": { "description": "The account.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}/unlock": {
              "post": {
                "tags": ["accounts"],
                "operationId": "unlockAccount",
                "summary": "ロック解除 Unlock an account",
                "description": "Lifts a lockout after repeated failed sign-ins before it lapses, and resets the failure count (AUTH-5).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "responses": {
                  "200": { "description": "The account.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}/reset-password": {
              "post": {
                "tags": ["accounts"],
                "operationId": "resetPassword",
                "summary": "パスワードリセット Reset another account's password",
                "description": "Sets a one-time password, shown this once, that must be changed at the next sign-in; the account's sessions end, the holder is told at the next sign-in, and the reset raises an alert and enters the review queue, since an administrator could otherwise impersonate (AUTH-6). No secret questions. Administrators reset only other accounts (403).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "responses": {
                  "200": { "description": "The one-time password.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OneTimePasswordReply" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "429": { "$ref": "#/components/responses/TooManyRequests" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/accounts/{id}/sessions": {
              "delete": {
                "tags": ["accounts"],
                "operationId": "revokeAllSessions",
                "summary": "全セッションの取り消し Revoke all of an account's sessions",
                "description": "Ends every open session and bearer token of the account at once (SESS-3), for instance after a suspected compromise.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/AccountID" }],
                "responses": {
                  "204": { "description": "The sessions ended.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/reports/dormant-accounts": {
              "get": {
                "tags": ["accounts"],
                "operationId": "dormantAccountReport",
                "summary": "休眠アカウント報告 Dormant and disabled accounts",
                "description": "The dormant-account report (ACC-4, ACC-5): disabled accounts, and active ones idle for more than a third of the dormancy period (90 days by default), most idle first. Accounts idle for the whole period are disabled automatically.",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The accounts.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Account" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/devices": {
              "get": {
                "tags": ["devices"],
                "operationId": "listDevices",
                "summary": "端末一覧 Every device",
                "description": "Every device that has signed in, newest first, for administrators: the device inventory (INV-2, INV-3).",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "responses": {
                  "200": { "description": "The devices.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Device" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/devices/{id}/approve": {
              "post": {
                "tags": ["devices"],
                "operationId": "approveDevice",
                "summary": "端末の承認 Approve a pending device",
                "description": "Approves a pending device so that its sessions may see PHI, recording whether it is a clinic device or the person's own (BYOD) (INV-2, DEV-2). Only a pending device can be approved (409).",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/DeviceID" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DeviceApproval" } } } },
                "responses": {
                  "200": { "description": "The device.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Device" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/devices/{id}/revoke": {
              "post": {
                "tags": ["devices"],
                "operationId": "revokeDevice",
                "summary": "端末の失効 Revoke a device",
                "description": "Revokes a device at once (a lost or stolen tablet, DEV-2): its sessions end and it never signs in again. A revoked device answers 409.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/DeviceID" }],
                "responses": {
                  "200": { "description": "The device.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Device" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/alerts": {
              "get": {
                "tags": ["queues"],
                "operationId": "listAlerts",
                "summary": "アラート一覧 The alert queue",
                "description": "The in-app alerts for administrators and auditors (locks, recovery-code use, password resets, break-glass, new devices), newest first, at most 200 (AUD-1). Open ones only unless `open=false`.",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/OpenOnly" }],
                "responses": {
                  "200": { "description": "The alerts.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/QueueItem" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/alerts/{id}/acknowledge": {
              "post": {
                "tags": ["queues"],
                "operationId": "acknowledgeAlert",
                "summary": "アラートの確認 Acknowledge an alert",
                "description": "A person acknowledges that they have seen the alert; recorded in the ledger with who and when (AUD-1). An alert acknowledged already answers 409.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/QueueItemID" }],
                "responses": {
                  "200": { "description": "The closed alert.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/QueueItem" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/reviews": {
              "get": {
                "tags": ["queues"],
                "operationId": "listReviews",
                "summary": "レビュー一覧 The review queue",
                "description": "Items an auditor or administrator must review and sign off (break-glass grants, recovery-code sign-ins, password resets), newest first, at most 200 (ACC-7, AUTH-6, AUD-4). Open ones only unless `open=false`.",
                "security": [{ "sessionCookie": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/OpenOnly" }],
                "responses": {
                  "200": { "description": "The review items.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/QueueItem" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/reviews/{id}/sign-off": {
              "post": {
                "tags": ["queues"],
                "operationId": "signOffReview",
                "summary": "レビューの承認 Sign off a review item",
                "description": "Closes a review item as `accepted` (justified) or `flagged` (the security officer follows it up) (ACC-7, AUD-4). Nobody reviews their own break-glass or reset (403); a closed item answers 409.",
                "security": [{ "sessionCookie": [], "csrfToken": [] }, { "bearerToken": [] }],
                "parameters": [{ "$ref": "#/components/parameters/QueueItemID" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SignOff" } } } },
                "responses": {
                  "200": { "description": "The closed item.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/QueueItem" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/api/v1/openapi.json": {
              "get": {
                "tags": ["meta"],
                "operationId": "getOpenAPIDocument",
                "summary": "API仕様 This document",
                "description": "This OpenAPI 3.1 document, exactly as reviewed in the repository (it is compiled into the server).",
                "security": [],
                "responses": {
                  "200": { "description": "The document.", "content": { "application/json": { "schema": { "type": "object" } } } }
                }
              }
            },
            "/healthz": {
              "get": {
                "tags": ["public"],
                "operationId": "health",
                "summary": "ヘルスチェック Health check",
                "description": "Whether the server can read its log, with the signed tree size and any raised operational alerts: `clock-went-back` (AUD-3), `backup-failed` (the last scheduled backup failed, BAK-1), `isolated` (isolation mode is on, INC-3). It reveals no PHI and needs no session, for load balancers and monitors.",
                "security": [],
                "responses": {
                  "200": { "description": "The server works; `degraded` when an operational alert is raised.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } },
                  "503": { "description": "The store cannot be read.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/HealthUnavailable" } } } }
                }
              }
            },
            "/log/checkpoint": {
              "get": {
                "tags": ["public"],
                "operationId": "getCheckpoint",
                "summary": "最新チェックポイント The latest signed checkpoint",
                "description": "The latest checkpoint of the append-only Merkle log (RFC 9162 tree), as a C2SP `tlog-checkpoint` signed with Ed25519 as a C2SP `signed-note` whose key name is the log's origin (REC-1, AUD-2). Public: the log reveals nothing without the details kept in the database.",
                "security": [],
                "responses": {
                  "200": { "description": "The signed note.", "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } }, "content": { "text/plain": { "schema": { "type": "string" } } } },
                  "503": { "description": "No checkpoint has been sealed yet (a new log seals its first within a second).", "headers": { "Retry-After": { "$ref": "#/components/headers/RetryAfter" } }, "content": { "text/plain": { "schema": { "type": "string" } } } }
                }
              }
            },
            "/log/tile/{L}/{N}": {
              "get": {
                "tags": ["public"],
                "operationId": "getHashTile",
                "summary": "ハッシュタイル A hash tile",
                "description": "A C2SP `tlog-tiles` hash tile at level `L` and index `N` (full, or partial with `.p/<W>`): the concatenated 32-byte node hashes. Nothing beyond the latest signed tree size is served. A full tile never changes and is cacheable for a year; a partial one is `no-store`. Tiles are public unless the server's `publishTiles` switch is off (then 403).",
                "security": [],
                "parameters": [{ "$ref": "#/components/parameters/TileLevel" }, { "$ref": "#/components/parameters/TileIndex" }],
                "responses": {
                  "200": { "$ref": "#/components/responses/TileBytes" },
                  "400": { "$ref": "#/components/responses/PlainTextRefusal" },
                  "403": { "$ref": "#/components/responses/PlainTextRefusal" },
                  "404": { "$ref": "#/components/responses/PlainTextRefusal" }
                }
              }
            },
            "/log/tile/entries/{N}": {
              "get": {
                "tags": ["public"],
                "operationId": "getEntryBundle",
                "summary": "エントリバンドル An entry bundle",
                "description": "A C2SP `tlog-tiles` entry bundle at index `N` (full, or partial with `.p/<W>`): each leaf as a big-endian 16-bit length and the leaf bytes (`{\"v\":1,\"c\":\"<base64 commitment>\"}`, RFC 8785). Nothing beyond the latest signed tree size is served; `publishTiles` off answers 403.",
                "security": [],
                "parameters": [{ "$ref": "#/components/parameters/TileIndex" }],
                "responses": {
                  "200": { "$ref": "#/components/responses/TileBytes" },
                  "400": { "$ref": "#/components/responses/PlainTextRefusal" },
                  "403": { "$ref": "#/components/responses/PlainTextRefusal" },
                  "404": { "$ref": "#/components/responses/PlainTextRefusal" }
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "sessionCookie": {
                "type": "apiKey",
                "in": "cookie",
                "name": "__Host-kura-session",
                "description": "The browser session set by `POST /api/v1/session`: an opaque 256-bit token, `Secure; HttpOnly; SameSite=Strict`, host-only (SESS-1). Idle lock after 10 minutes, absolute lifetime 12 hours (configurable)."
              },
              "csrfToken": {
                "type": "apiKey",
                "in": "header",
                "name": "X-CSRF-Token",
                "description": "The session's CSRF token (`csrfToken` of `SessionState`), required with the session cookie on every request that changes state (ASVS 4.2.2); a missing or wrong token answers 403 `forbidden`. Bearer-token clients send none."
              },
              "bearerToken": {
                "type": "http",
                "scheme": "bearer",
                "description": "A short-lived API token from `POST /api/v1/tokens`, issued only after a second-factor sign-in and bound to an approved device (SESS-1, INV-2)."
              }
            },
            "parameters": {\#(OpenAPIText.recordParameters)\#(OpenAPIText.complianceParameters)
              "AccountID": { "name": "id", "in": "path", "required": true, "description": "The account's opaque id (`acc_…`).", "schema": { "type": "string", "minLength": 1, "maxLength": 64 } },
              "DeviceID": { "name": "id", "in": "path", "required": true, "description": "The device's opaque id (`dev_…`).", "schema": { "type": "string", "minLength": 1, "maxLength": 64 } },
              "SessionID": { "name": "id", "in": "path", "required": true, "description": "The session's opaque id (`ses_…`).", "schema": { "type": "string", "minLength": 1, "maxLength": 64 } },
              "QueueItemID": { "name": "id", "in": "path", "required": true, "description": "The queue item's opaque id.", "schema": { "type": "string", "minLength": 1, "maxLength": 64 } },
              "OpenOnly": { "name": "open", "in": "query", "required": false, "description": "`false` lists closed items too; anything else lists open ones only.", "schema": { "type": "boolean", "default": true } },
              "TileLevel": { "name": "L", "in": "path", "required": true, "description": "The tile level, 0 to 63.", "schema": { "type": "integer", "minimum": 0, "maximum": 63 } },
              "TileIndex": {
                "name": "N",
                "in": "path",
                "required": true,
                "description": "The tile index as C2SP tlog-tiles writes it: three-digit groups, all but the last prefixed with `x` (`x001/x234/067`), optionally followed by `.p/<W>` for a partial tile of width W (1 to 255). It spans several path segments, which OpenAPI path templating cannot express; build it as the C2SP specification says.",
                "schema": { "type": "string", "pattern": "^(x[0-9]{3}/)*[0-9]{3}(\\.p/[1-9][0-9]{0,2})?$" },
                "examples": { "full": { "value": "x001/x234/067" }, "partial": { "value": "000.p/5" } }
              }
            },
            "headers": {
              "CacheControl": { "description": "Always `no-store`: replies may carry personal data or secrets shown once.", "schema": { "type": "string", "const": "no-store" } },
              "RetryAfter": { "description": "Seconds to wait before trying again (RFC 9110 §10.2.3).", "schema": { "type": "integer", "minimum": 1 } }
            },
            "responses": {\#(OpenAPIText.recordResponses)
              "SessionEnded": {
                "description": "The session ended; the session cookie is cleared.",
                "headers": {
                  "Set-Cookie": { "description": "`__Host-kura-session=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Strict`.", "schema": { "type": "string" } },
                  "Cache-Control": { "$ref": "#/components/headers/CacheControl" }
                }
              },
              "BadRequest": {
                "description": "A field is missing or malformed, or the body is not the JSON this operation takes (`invalid-input`; the message names the field, never its value).",
                "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "Unauthorized": {
                "description": "Not signed in or the session ended (`not-signed-in`), a wrong login, password or locked account (`invalid-credentials`, one answer for all, AUTH-5), or a refused second-factor code (`second-factor-rejected`).",
                "headers": {
                  "Cache-Control": { "$ref": "#/components/headers/CacheControl" },
                  "WWW-Authenticate": { "description": "`Bearer realm=\"kura\"` (RFC 9110 §15.5.2, RFC 6750).", "schema": { "type": "string" } }
                },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "Forbidden": {
                "description": "The access decision denied the action (`forbidden`, including a missing CSRF token and a revoked device), the session must finish a sign-in stage first (`stage-required.<stage>`), the action needs the password again (`reauthentication-required`, SESS-3), or the setup code is wrong or used (`setup-unavailable`).",
                "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "NotFound": {
                "description": "No such item, or the caller may not know it exists (`not-found`).",
                "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "Conflict": {
                "description": "The item is not in a state that allows the action, or somebody else changed it first (`conflict`).",
                "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "PasswordRefused": {
                "description": "The new password breaks a rule of the policy (`password-refused.<rule>`; the message says which rule and what to do, never the password, AUTH-3, AUTH-4).",
                "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "TooManyRequests": {
                "description": "Too many sign-in attempts from this client address, or password hashing is saturated: refused fast (`too-many-requests`, AUTH-5).",
                "headers": { "Retry-After": { "$ref": "#/components/headers/RetryAfter" }, "Cache-Control": { "$ref": "#/components/headers/CacheControl" } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "Unavailable": {
                "description": "The database failed or the server is shutting down (`unavailable`); nothing was written. Try again.",
                "headers": { "Cache-Control": { "$ref": "#/components/headers/CacheControl" } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "TileBytes": {
                "description": "The tile's bytes.",
                "headers": {
                  "Cache-Control": { "description": "`public, max-age=31536000, immutable` for a full tile, `no-store` for a partial one.", "schema": { "type": "string" } }
                },
                "content": { "application/octet-stream": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } } }
              },
              "PlainTextRefusal": {
                "description": "A malformed tile path (400), tiles not published by this server (403), or a tile beyond the signed tree size or not stored (404), as one sentence of plain text.",
                "content": { "text/plain": { "schema": { "type": "string" } } }
              }
            },
            "schemas": {\#(OpenAPIText.recordSchemas)\#(OpenAPIText.complianceSchemas)
              "Error": {
                "type": "object",
                "description": "Every refusal under `/api/v1`.",
                "required": ["error", "message"],
                "additionalProperties": false,
                "properties": {
                  "error": {
                    "type": "string",
                    "description": "A stable machine-readable code.",
                    "enum": [
                      "invalid-credentials",
                      "second-factor-rejected",
                      "too-many-requests",
                      "setup-unavailable",
                      "password-refused.too-short",
                      "password-refused.too-long",
                      "password-refused.needs-mix",
                      "password-refused.dictionary-word",
                      "password-refused.keyboard-walk",
                      "password-refused.repeated",
                      "password-refused.sequence",
                      "password-refused.date-or-year",
                      "password-refused.common-word",
                      "password-refused.context-word",
                      "invalid-input",
                      "not-signed-in",
                      "stage-required.second-factor",
                      "stage-required.password-change",
                      "stage-required.enrolment",
                      "stage-required.ready",
                      "forbidden",
                      "reauthentication-required",
                      "not-found",
                      "conflict",
                      "unavailable",
                      "content-too-large",
                      "internal",
                      "http-error",
                      "refused.final-entry",
                      "refused.already-final",
                      "refused.not-final",
                      "refused.wrong-state",
                      "refused.not-author",
                      "refused.not-responsible",
                      "refused.reason-required",
                      "refused.not-pending-approval",
                      "refused.not-named-physician",
                      "unsupported-media",
                      "not-yet-integrated"
                    ]
                  },
                  "message": { "type": "string", "description": "A sentence for a person, in Japanese, or English when `Accept-Language` starts with `en`." }
                }
              },
              "Role": {
                "type": "string",
                "description": "A role (ACC-1). `physician`, `nurse`, `clerk` and `partner` are clinical; `admin` manages accounts and devices without clinical access (ACC-2); `auditor` reads the audit trail and signs off reviews.",
                "enum": ["physician", "nurse", "clerk", "admin", "auditor", "partner"]
              },
              "JobType": {
                "type": "string",
                "description": "The person's job type (the checklist counts staff by these).",
                "enum": ["physician", "nurse", "clerk", "administrator", "pharmacist", "therapist", "care-manager", "other"]
              },
              "Language": { "type": "string", "description": "The language of messages and pages.", "enum": ["ja", "en"] },
              "SignInStage": {
                "type": "string",
                "description": "How far the sign-in has come (MFA-1, AUTH-4): only `ready` has full access, within the roles.",
                "enum": ["second-factor", "password-change", "enrolment", "ready"]
              },
              "DeviceStatus": { "type": "string", "description": "Whether the device may see PHI (INV-2).", "enum": ["pending", "approved", "revoked"] },
              "Timestamp": { "type": "integer", "format": "int64", "description": "Milliseconds since the Unix epoch, UTC." },
              "SetupStatus": {
                "type": "object",
                "required": ["pending"],
                "additionalProperties": false,
                "properties": { "pending": { "type": "boolean", "description": "Whether the first administrator is still to be created." } }
              },
              "SetupRequest": {
                "type": "object",
                "required": ["setupCode", "login", "name", "password"],
                "properties": {
                  "setupCode": { "type": "string", "description": "The one-time code printed at first start (case and surrounding spaces ignored)." },
                  "login": { "$ref": "#/components/schemas/LoginName" },
                  "name": { "$ref": "#/components/schemas/PersonName" },
                  "password": { "$ref": "#/components/schemas/NewPassword" },
                  "language": { "$ref": "#/components/schemas/Language" }
                }
              },
              "LoginName": { "type": "string", "description": "3 to 32 of a-z, 0-9, `.`, `_` and `-` (upper case is lowered, surrounding spaces trimmed).", "minLength": 3, "maxLength": 32 },
              "PersonName": { "type": "string", "description": "The person's full name, 1 to 100 characters, no control characters (stored encrypted).", "minLength": 1, "maxLength": 100 },
              "NewPassword": { "type": "string", "description": "A password that passes the policy (AUTH-3, AUTH-4): 8 to 128 characters, never truncated.", "minLength": 8, "maxLength": 128 },
              "SignInRequest": {
                "type": "object",
                "required": ["login", "password"],
                "properties": { "login": { "type": "string" }, "password": { "type": "string", "format": "password" } }
              },
              "SecondFactorRequest": {
                "type": "object",
                "description": "Exactly one of `code` and `recoveryCode`.",
                "properties": {
                  "code": { "type": "string", "description": "The six-digit TOTP code (spaces ignored).", "examples": ["123456"] },
                  "recoveryCode": { "type": "string", "description": "A recovery code, `xxxx-xxxx-xxxx-xxxx`.", "examples": ["abcd-efgh-ijkl-mnop"] }
                },
                "anyOf": [{ "required": ["code"] }, { "required": ["recoveryCode"] }]
              },
              "PasswordBody": {
                "type": "object",
                "required": ["password"],
                "properties": { "password": { "type": "string", "format": "password" } }
              },
              "ActivateRoleRequest": {
                "type": "object",
                "required": ["role", "password"],
                "properties": { "role": { "$ref": "#/components/schemas/Role" }, "password": { "type": "string", "format": "password" } }
              },
              "TokenRequest": {
                "type": "object",
                "required": ["login", "password", "code"],
                "properties": {
                  "login": { "type": "string" },
                  "password": { "type": "string", "format": "password" },
                  "code": { "type": "string", "description": "The current TOTP code." }
                }
              },
              "TokenIssued": {
                "type": "object",
                "required": ["status", "token", "deviceToken", "expiresAt"],
                "additionalProperties": false,
                "properties": {
                  "status": { "const": "issued" },
                  "token": { "type": "string", "description": "The bearer token (256 bits, base64url); send it as `Authorization: Bearer <token>`." },
                  "deviceToken": { "type": "string", "description": "The device's token; send it in `Kura-Device` next time." },
                  "expiresAt": { "$ref": "#/components/schemas/Timestamp" }
                }
              },
              "TokenDevicePending": {
                "type": "object",
                "required": ["status", "deviceToken"],
                "additionalProperties": false,
                "properties": {
                  "status": { "const": "device-pending" },
                  "deviceToken": { "type": "string", "description": "The new device's token; retry with it in `Kura-Device` once an administrator approved the device." }
                }
              },
              "SessionState": {
                "type": "object",
                "description": "A session as the API describes it.",
                "required": ["stage", "sessionID", "accountID", "login", "roles", "activeRoles", "deviceID", "deviceStatus", "csrfToken"],
                "additionalProperties": false,
                "properties": {
                  "stage": { "$ref": "#/components/schemas/SignInStage" },
                  "sessionID": { "type": "string" },
                  "accountID": { "type": "string" },
                  "login": { "type": "string" },
                  "roles": { "type": "array", "description": "Every role the account holds.", "items": { "$ref": "#/components/schemas/Role" } },
                  "activeRoles": { "type": "array", "description": "The roles in force for this session: an administrator's clinical roles only once activated (ACC-2).", "items": { "$ref": "#/components/schemas/Role" } },
                  "deviceID": { "type": "string" },
                  "deviceStatus": { "$ref": "#/components/schemas/DeviceStatus" },
                  "csrfToken": { "type": "string", "description": "The token to send in `X-CSRF-Token` with the session cookie." },
                  "passwordWasReset": { "type": "boolean", "description": "Only in the sign-in answer: whether an administrator reset the password since the last sign-in (AUTH-6)." }
                }
              },
              "PasswordChangeRequest": {
                "type": "object",
                "required": ["currentPassword", "newPassword"],
                "properties": {
                  "currentPassword": { "type": "string", "format": "password" },
                  "newPassword": { "$ref": "#/components/schemas/NewPassword" }
                }
              },
              "EnrolmentOffer": {
                "type": "object",
                "required": ["secret", "uri", "qrSVG", "enrolmentToken"],
                "additionalProperties": false,
                "properties": {
                  "secret": { "type": "string", "description": "The TOTP secret in base32, in groups of four for typing." },
                  "uri": { "type": "string", "description": "The `otpauth://totp/…` URI (SHA-1, 6 digits, 30 s) that the QR code holds.", "pattern": "^otpauth://totp/" },
                  "qrSVG": { "type": "string", "description": "The QR code as an SVG image.", "contentMediaType": "image/svg+xml" },
                  "enrolmentToken": { "type": "string", "description": "The secret sealed to this session; send it back with the first code." }
                }
              },
              "EnrolmentConfirmation": {
                "type": "object",
                "required": ["enrolmentToken", "code"],
                "properties": { "enrolmentToken": { "type": "string" }, "code": { "type": "string", "description": "The authenticator's current code." } }
              },
              "RecoveryCode": { "type": "string", "description": "A one-time recovery code (MFA-3).", "pattern": "^[a-z2-7]{4}(-[a-z2-7]{4}){3}$" },
              "NewRecoveryCodes": {
                "type": "object",
                "required": ["recoveryCodes", "remaining"],
                "additionalProperties": false,
                "properties": {
                  "recoveryCodes": { "type": "array", "description": "Ten codes, shown this once.", "items": { "$ref": "#/components/schemas/RecoveryCode" }, "minItems": 10, "maxItems": 10 },
                  "remaining": { "type": "integer", "minimum": 0 }
                }
              },
              "RecoveryCodeCount": {
                "type": "object",
                "required": ["remaining"],
                "additionalProperties": false,
                "properties": { "remaining": { "type": "integer", "minimum": 0, "description": "Unused recovery codes." } }
              },
              "Session": {
                "type": "object",
                "required": ["id", "kind", "createdAt", "lastSeenAt", "deviceID", "current"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "string" },
                  "kind": { "type": "string", "enum": ["browser", "api"] },
                  "createdAt": { "$ref": "#/components/schemas/Timestamp" },
                  "lastSeenAt": { "$ref": "#/components/schemas/Timestamp" },
                  "deviceID": { "type": "string" },
                  "current": { "type": "boolean", "description": "Whether it is the session making the request." }
                }
              },
              "Device": {
                "type": "object",
                "required": ["id", "ownerAccountID", "firstSeenAt", "lastSeenAt", "userAgent", "ownership", "status"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "string" },
                  "ownerAccountID": { "type": "string", "description": "The account that first signed in on it." },
                  "firstSeenAt": { "$ref": "#/components/schemas/Timestamp" },
                  "lastSeenAt": { "$ref": "#/components/schemas/Timestamp" },
                  "userAgent": { "type": "string", "maxLength": 256, "description": "The browser's user agent, cut to 256 characters." },
                  "ownership": { "type": "string", "description": "Who owns it (DEV-2); `unknown` until an administrator approves it.", "enum": ["unknown", "clinic", "byod"] },
                  "status": { "$ref": "#/components/schemas/DeviceStatus" },
                  "decidedBy": { "type": "string", "description": "Who approved or revoked it: an account id, `console` (the `kura` command line), or `policy` when approval is not required." },
                  "decidedAt": { "$ref": "#/components/schemas/Timestamp" }
                }
              },
              "DeviceApproval": {
                "type": "object",
                "required": ["ownership"],
                "properties": { "ownership": { "type": "string", "enum": ["clinic", "byod"] } }
              },
              "BreakGlassRequest": {
                "type": "object",
                "required": ["patientID", "reason", "password"],
                "properties": {
                  "patientID": { "type": "string", "minLength": 1, "maxLength": 64, "description": "The patient's opaque id." },
                  "reason": { "type": "string", "minLength": 4, "maxLength": 500, "description": "Why, for the reviewer (stored encrypted)." },
                  "password": { "type": "string", "format": "password" }
                }
              },
              "BreakGlassGrant": {
                "type": "object",
                "required": ["id", "patientID", "grantedAt", "expiresAt"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "string" },
                  "patientID": { "type": "string" },
                  "grantedAt": { "$ref": "#/components/schemas/Timestamp" },
                  "expiresAt": { "$ref": "#/components/schemas/Timestamp" }
                }
              },
              "Account": {
                "type": "object",
                "description": "An account as administrators and the holder see it: names opened, no secrets.",
                "required": ["id", "login", "name", "jobType", "roles", "status", "createdAt", "secondFactorEnrolled", "passwordMustChange", "administratorWithClinicalRole", "idleDays", "language"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "string" },
                  "login": { "type": "string" },
                  "name": { "type": "string" },
                  "jobType": { "$ref": "#/components/schemas/JobType" },
                  "licence": { "type": "string", "description": "The licence number, for physicians and nurses (AUTH-1)." },
                  "roles": { "type": "array", "items": { "$ref": "#/components/schemas/Role" } },
                  "status": { "type": "string", "enum": ["active", "disabled"] },
                  "disabledReason": { "type": "string", "description": "Why it is disabled (ACC-4).", "enum": ["manual", "dormant", "ended"] },
                  "endsAt": { "$ref": "#/components/schemas/Timestamp" },
                  "createdAt": { "$ref": "#/components/schemas/Timestamp" },
                  "lastLoginAt": { "$ref": "#/components/schemas/Timestamp" },
                  "secondFactorEnrolled": { "type": "boolean" },
                  "lockedUntil": { "$ref": "#/components/schemas/Timestamp" },
                  "passwordMustChange": { "type": "boolean" },
                  "administratorWithClinicalRole": { "type": "boolean", "description": "An administrator who also holds a clinical role: an ACC-2 exception to report." },
                  "idleDays": { "type": "integer", "minimum": 0, "description": "Days since the last sign-in, or since creation (ACC-4)." },
                  "language": { "$ref": "#/components/schemas/Language" }
                }
              },
              "NewAccount": {
                "type": "object",
                "required": ["login", "name", "jobType", "roles"],
                "properties": {
                  "login": { "$ref": "#/components/schemas/LoginName" },
                  "name": { "$ref": "#/components/schemas/PersonName" },
                  "jobType": { "$ref": "#/components/schemas/JobType" },
                  "licence": { "type": "string", "maxLength": 32, "description": "Letters, digits and hyphens; required with the physician or nurse role (AUTH-1)." },
                  "roles": { "type": "array", "minItems": 1, "items": { "$ref": "#/components/schemas/Role" } },
                  "endsAt": { "$ref": "#/components/schemas/Timestamp" },
                  "language": { "$ref": "#/components/schemas/Language" }
                }
              },
              "NewAccountReply": {
                "type": "object",
                "required": ["account", "initialPassword"],
                "additionalProperties": false,
                "properties": {
                  "account": { "$ref": "#/components/schemas/Account" },
                  "initialPassword": { "type": "string", "description": "The one-time initial password, shown this once; it must change at the first sign-in (AUTH-2, AUTH-4)." }
                }
              },
              "RolesRequest": {
                "type": "object",
                "required": ["roles"],
                "properties": { "roles": { "type": "array", "minItems": 1, "items": { "$ref": "#/components/schemas/Role" } } }
              },
              "EndDateRequest": {
                "type": "object",
                "properties": { "endsAt": { "type": ["integer", "null"], "format": "int64", "description": "The last day of use, ms since the epoch; `null` clears it." } }
              },
              "OneTimePasswordReply": {
                "type": "object",
                "required": ["oneTimePassword"],
                "additionalProperties": false,
                "properties": { "oneTimePassword": { "type": "string", "description": "Shown this once; it must change at the next sign-in (AUTH-6)." } }
              },
              "QueueItem": {
                "type": "object",
                "description": "An alert or review item (AUD-1, ACC-7).",
                "required": ["id", "queue", "kind", "createdAt"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "string" },
                  "queue": { "type": "string", "enum": ["alert", "review"] },
                  "kind": { "type": "string", "description": "What happened. Alerts: `account.locked`, `device.new`, `break-glass.granted`, `recovery-code.used`, `password.reset`; reviews: `break-glass`, `recovery-code.used`, `password.reset`. Later versions may add kinds." },
                  "subjectAccountID": { "type": "string", "description": "The account it concerns." },
                  "refID": { "type": "string", "description": "The object it refers to (a device, a grant, …)." },
                  "createdAt": { "$ref": "#/components/schemas/Timestamp" },
                  "closedBy": { "type": "string", "description": "Who acknowledged or signed it off: an account id, `console` or `system`." },
                  "closedAt": { "$ref": "#/components/schemas/Timestamp" },
                  "outcome": { "type": "string", "description": "A review's outcome.", "enum": ["accepted", "flagged"] }
                }
              },
              "SignOff": {
                "type": "object",
                "required": ["outcome"],
                "properties": { "outcome": { "type": "string", "enum": ["accepted", "flagged"] } }
              },
              "Health": {
                "type": "object",
                "required": ["status", "signedSize", "alerts"],
                "additionalProperties": false,
                "properties": {
                  "status": { "type": "string", "enum": ["ok", "degraded"] },
                  "signedSize": { "type": "integer", "format": "int64", "minimum": 0, "description": "The size of the latest signed checkpoint." },
                  "alerts": { "type": "array", "description": "Raised operational alerts.", "items": { "type": "string", "enum": ["clock-went-back", "backup-failed", "isolated", "log-verification-failed"] } }
                }
              },
              "HealthUnavailable": {
                "type": "object",
                "required": ["status"],
                "additionalProperties": false,
                "properties": { "status": { "const": "unavailable" } }
              }
            }
          }
        }
        """#
}
