import KuraCore

extension AdministrationPages {
    /// Every device, with approval and revocation (INV-2, DEV-2).
    struct DevicesModel: PageModel {
        static let template = "devices"
        static let titleKey = "titleDevices"
        let rows: [DeviceRow]

        /// The model for `devices`, owners named by login from `logins`.
        init(_ devices: [DeviceView], logins: [String: String], text: PageText) {
            rows = devices.map { DeviceRow($0, owner: logins[$0.ownerAccountID] ?? $0.ownerAccountID, text: text) }
        }
    }

    /// One device.
    struct DeviceRow: Sendable {
        let id: String
        let owner: String
        let userAgent: String
        let firstSeen: String
        let lastSeen: String
        let ownership: String
        let status: String
        /// Approve, for a pending device.
        let approveAction: String?
        /// Revoke, for a device not revoked yet.
        let revokeAction: String?

        init(_ device: DeviceView, owner: String, text: PageText) {
            id = device.id
            self.owner = owner
            userAgent = device.userAgent
            firstSeen = PageTime.jst(device.firstSeenAt)
            lastSeen = PageTime.jst(device.lastSeenAt)
            ownership = text.ownership(device.ownership)
            status = text.deviceStatus(device.status)
            approveAction = device.status == "pending" ? PageRoute.approveDevice(device.id).path : nil
            revokeAction = device.status != "revoked" ? PageRoute.revokeDevice(device.id).path : nil
        }
    }

    /// The open alerts (AUD-1).
    struct AlertsModel: PageModel {
        static let template = "alerts"
        static let titleKey = "titleAlerts"
        let rows: [QueueRow]
    }

    /// The open review items (ACC-7).
    struct ReviewsModel: PageModel {
        static let template = "reviews"
        static let titleKey = "titleReviews"
        let rows: [QueueRow]
    }

    /// One alert or review item.
    struct QueueRow: Sendable {
        let raised: String
        let event: String
        let subject: String
        let reference: String
        /// Acknowledge or sign off.
        let action: String
        /// Whether it concerns the viewer (nobody reviews their own actions).
        let mine: Bool

        /// The row for `item`, the subject named by login from `logins`.
        init(_ item: QueueItemView, logins: [String: String], viewer: String, text: PageText) {
            raised = PageTime.jst(item.createdAt)
            event = text.event(item.kind)
            subject = item.subjectAccountID.map { logins[$0] ?? $0 } ?? text["never"]
            reference = item.refID ?? text["never"]
            action =
                item.queue == QueueKind.alert.rawValue
                ? PageRoute.acknowledgeAlert(item.id).path : PageRoute.signOffReview(item.id).path
            mine = item.subjectAccountID == viewer
        }
    }
}
