import Crypto
import Foundation
import KuraCore
import KuraStore

/// A person's answer to a checklist item: はい or いいえ with the confirmation date (確認日, new in
/// R7), a target date for every いいえ, a comment, and the edition it answered.
public struct ChecklistAnswer: Codable, Sendable, Equatable {
    /// The checklist file's id, such as `mhlw-r7-institution` (which edition was answered).
    public var checklist: String
    /// The item's id in that checklist.
    public var item: String
    /// はい (`true`) or いいえ (`false`).
    public var yes: Bool
    /// The confirmation date, `YYYY-MM-DD`.
    public var confirmedOn: String
    /// For いいえ: the date by which it will be はい, `YYYY-MM-DD` (within the fiscal year).
    public var targetOn: String?
    /// What was checked, or what is planned.
    public var comment: String?
    /// The evidence files the answer rests on (``EvidenceFile`` ids).
    public var evidence: [String]?
}

/// An answer as stored: the answer, its version and who recorded it when.
public struct RecordedAnswer: Sendable, Equatable {
    /// The answer.
    public var answer: ChecklistAnswer
    /// Its version (1 for the first answer of the item).
    public var version: Int64
    /// When it was recorded (ms, UTC).
    public var recordedAt: Int64
    /// Who recorded it.
    public var author: String
}

extension ComplianceService {
    /// The document kind of answers.
    static let answerKind = "answer"

    /// The id of the one document holding every answer to `item` of `checklist`, so that its
    /// versions are the item's history.
    static func answerID(checklist: String, item: String) -> String {
        let digest = SHA256.hash(data: Array("\(checklist)\n\(item)".utf8))
        return "ans_" + digest.prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// Records `answer` as the item's newest; a いいえ needs a target date not before the
    /// confirmation date, and every answer a confirmation date.
    public func answer(
        _ answer: ChecklistAnswer, by actor: Authenticated
    ) async throws(ComplianceError) -> RecordedAnswer {
        try Self.require(actor, .manageCompliance)
        var answer = answer
        answer.comment = answer.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if answer.comment?.isEmpty == true { answer.comment = nil }
        guard let confirmed = try? CivilDate(parsing: answer.confirmedOn) else {
            throw .invalid("confirmedOn must be a date, YYYY-MM-DD")
        }
        if answer.yes {
            answer.targetOn = nil
        } else {
            guard let target = answer.targetOn.flatMap({ try? CivilDate(parsing: $0) }) else {
                throw .invalid("an answer of いいえ needs targetOn, YYYY-MM-DD")
            }
            guard !(target < confirmed) else { throw .invalid("targetOn is before confirmedOn") }
        }
        if (answer.comment?.count ?? 0) > 2000 { throw .invalid("comment is longer than 2000 characters") }
        if answer.evidence?.isEmpty == true { answer.evidence = nil }
        for file in answer.evidence ?? [] {
            guard try await history(file).last?.kind == Self.evidenceFileKind else {
                throw .invalid("evidence: \(file.prefix(64)) is not an evidence file")
            }
        }
        let id = Self.answerID(checklist: answer.checklist, item: answer.item)
        let version = (try await history(id).last?.version ?? 0) + 1
        let stored = try await write(
            objectID: id, version: version, kind: Self.answerKind, state: "current", body: try Self.encode(answer),
            sealed: true, actor: actor.actor)
        return RecordedAnswer(answer: answer, version: version, recordedAt: stored.recordedAt, author: stored.author)
    }

    /// The newest answer to every item that has one, by checklist and item id.
    public func answers() async throws(ComplianceError) -> [String: RecordedAnswer] {
        let heads = try await read { () async throws(StoreError) in
            try await store.complianceHeads(kind: Self.answerKind)
        }
        var answers: [String: RecordedAnswer] = [:]
        for head in heads {
            guard let answer = RecordJSON.decode(ChecklistAnswer.self, from: try body(of: head)) else {
                throw .unavailable("an answer does not decode")
            }
            answers["\(answer.checklist)/\(answer.item)"] = RecordedAnswer(
                answer: answer, version: head.version, recordedAt: head.recordedAt, author: head.author)
        }
        return answers
    }
}
