/// The README.md of every export: the format, so that the data is readable without Kura
/// (REC-5, EXT-5).
enum ExportReadme {
    static let text = """
        # Kura export (format kura-export-1) / Kura エクスポート

        This folder holds everything a clinic recorded in Kura, readable without Kura.
        このフォルダには Kura に記録されたすべての情報が、Kura なしで読める形式で入っています。
        It contains patient information in the clear: keep it on encrypted media and destroy it
        when it is no longer needed. 患者情報を平文で含みます。暗号化された媒体に保管してください。

        ## Files

        - `manifest.json` — when and by whom the export was made, counts, the log size it covers,
          and the SHA-256 of every file of the open part (`files`, path → hex).
        - `patients/<patient-id>.json` — one patient: `demographics` (name, kana, patient number,
          birth date, sex, …), `careStartedAt`/`careEndedAt`, `mergedInto`, `careTeam` (account
          ids), `lists` (allergies, problems, medications), `entries` (every clinical entry), and
          `attachments`. Every record carries `versions`, oldest first: nothing recorded is left
          out. A version has `version`, `kind`, `state`, `author`, `onBehalfOf`, `recordedAt`,
          `careAt`, `finalizedBy`, `finalizedAt`, `content`, `reason`, `contentSHA256`,
          `reasonSHA256` and `leafIndex`. Times are milliseconds since 1970-01-01 UTC.
        - `attachments/<patient-id>/<attachment-id>.<pdf|png|jpg>` — scanned documents and images,
          as received; their metadata (original file name, type, size, SHA-256) is in the
          patient's file.
        - `accounts.json` — staff accounts: id, login, name, job type, roles, status. Passwords
          and second-factor secrets are not exported.
        - `access-log.jsonl` — every access to records, one JSON object per line: id, time,
          actor (account id), action, access (care-team, break-glass, …), patients.
        - `ledger/leaves.jsonl` — the tamper-evident log (RFC 9162 Merkle tree), one leaf per line
          in index order: `index`, `leaf` (base64 of the leaf bytes), `salt` (hex) and `details`
          (canonical JSON text). A leaf's bytes commit to SHA-256 of the salt and the details.
        - `ledger/checkpoint.txt` — the log's signed checkpoint (C2SP signed note: origin, size,
          base64 root hash, Ed25519 signature) covering exactly the exported leaves.
        - `ledger/verifier-key.txt` — the public key that verifies the checkpoint.
        - `kura-snapshot/` — the same data in Kura's own format, encrypted to the clinic's
          offline recovery key: what `kura import` loads into a new Kura.

        ## Checking a record against the log

        1. Hash every leaf as RFC 9162 does (SHA-256 of 0x00 followed by the leaf bytes) and build
           the tree; its root must equal the checkpoint's root, whose signature verifies with
           `ledger/verifier-key.txt`. Kura's own `kura verify` commands do this offline.
        2. For a version, read the leaf at its `leafIndex`: its `details` name the record's id,
           its version and the hex SHA-256 of its sealed content, which must equal the version's
           `contentSHA256` (and `reasonSHA256`). A version with no `leafIndex` was recorded after
           the checkpoint and is covered by the snapshot's newer log.

        ## Loading into Kura

        `kura import --from <this folder> --data <new data folder> [--database <empty PostgreSQL>]`
        with the recovery key: the records, their hashes and the log come back exactly as they were.
        """
}
