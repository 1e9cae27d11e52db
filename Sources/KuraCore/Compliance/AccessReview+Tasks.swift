extension AccessReview {
    /// `off-hours`: every event outside the opening hours or on a closed day, one finding per
    /// account and JST day. Night visits of a home-care clinic show here by design: the review
    /// asks the planning manager to confirm them, it does not judge them.
    static func offHours(
        _ events: [AccessReviewEvent], policy: AccessReviewPolicy, calendar: ClinicCalendar
    ) -> [AccessReviewFinding] {
        var groups: [GroupKey: [AccessReviewEvent]] = [:]
        for event in events {
            guard let instant = JSTInstant(epochMilliseconds: event.at) else { continue }
            if !policy.isOpen(at: instant, calendar: calendar) {
                groups[GroupKey(actor: event.actor, date: instant.date, patientID: nil), default: []].append(event)
            }
        }
        return groups.values.compactMap { finding($0, patients: nil, flag: nil) }
    }

    /// `mass-access`: an account that opened more than the threshold's distinct patients in one
    /// JST day (list and search pages left out), with the count and the events that opened them.
    static func massAccess(_ events: [AccessReviewEvent], policy: AccessReviewPolicy) -> [AccessReviewFinding] {
        var groups: [GroupKey: [AccessReviewEvent]] = [:]
        for event in events where !event.patientIDs.isEmpty && !policy.listActions.contains(event.action) {
            guard let instant = JSTInstant(epochMilliseconds: event.at) else { continue }
            groups[GroupKey(actor: event.actor, date: instant.date, patientID: nil), default: []].append(event)
        }
        return groups.values.compactMap { group in
            Set(group.flatMap(\.patientIDs)).count > policy.massAccessThreshold
                ? finding(group, patients: nil, flag: nil) : nil
        }
    }

    /// `staff-patients`: who opened which flagged patient, one finding per account and patient
    /// over the period, list pages included (a search that shows a VIP is access too). Every
    /// access is listed, the patient's own care team's included: whether it was care is for the
    /// reviewer to say.
    static func staffPatients(
        _ events: [AccessReviewEvent], flags: [String: PatientFlagKind]
    ) -> [AccessReviewFinding] {
        guard !flags.isEmpty else { return [] }
        var groups: [GroupKey: [AccessReviewEvent]] = [:]
        for event in events {
            for patient in Set(event.patientIDs) where flags[patient] != nil {
                groups[GroupKey(actor: event.actor, date: nil, patientID: patient), default: []].append(event)
            }
        }
        return groups.compactMap { key, group in
            guard let patient = key.patientID else { return nil }
            return finding(group, patients: [patient], flag: flags[patient])
        }
    }

    /// `break-glass`: every event allowed by a break-glass grant, one finding each (ACC-7).
    static func breakGlass(_ events: [AccessReviewEvent]) -> [AccessReviewFinding] {
        events.filter { $0.access == "break-glass" }.compactMap { finding([$0], patients: nil, flag: nil) }
    }

    /// How events are grouped into one finding.
    struct GroupKey: Hashable {
        var actor: String
        var date: CivilDate?
        var patientID: String?
    }

    /// The finding of a non-empty group of one account's events, oldest first; `patients`
    /// narrows the patients shown to the ones the task is about.
    static func finding(
        _ events: [AccessReviewEvent], patients: [String]?, flag: PatientFlagKind?
    ) -> AccessReviewFinding? {
        guard let first = events.first, let last = events.last,
            let instant = JSTInstant(epochMilliseconds: first.at)
        else { return nil }
        return AccessReviewFinding(
            actor: first.actor, date: instant.date, first: first.at, last: last.at,
            patientIDs: byteOrder(patients ?? events.flatMap(\.patientIDs)), eventIDs: events.map(\.id),
            actions: byteOrder(events.map(\.action)), access: byteOrder(events.map(\.access)), flag: flag)
    }

    /// The distinct strings in byte order.
    static func byteOrder(_ strings: [String]) -> [String] {
        Set(strings).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
