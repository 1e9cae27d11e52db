import Foundation
import Mustache

/// Draws pages: pure rendering of a ``Page`` with the compiled templates (STYLE 13), no I/O.
struct PageView: Sendable {
    let library: MustacheLibrary

    /// Checks and compiles ``PageTemplates/all``; a template that breaks a rule below stops the
    /// server at start instead of drawing a broken or unsafe page.
    init() throws {
        var library = MustacheLibrary()
        var names: Set<String> = []
        for area in PageTemplates.areas {
            for (name, text) in area.sorted(by: { $0.key < $1.key }) {
                guard names.insert(name).inserted else { throw TemplateError.duplicate(template: name) }
                try Self.check(text, named: name)
                try library.register(text, named: name)
            }
        }
        self.library = library
    }

    /// The HTML of `page`.
    func render<Main: PageModel>(_ page: Page<Main>) -> String {
        // A registered template always renders; nil would only mean a missing name.
        library.render(page, withTemplate: Main.template) ?? ""
    }

    /// Why a template is refused.
    enum TemplateError: Error, Equatable {
        /// It writes a value unescaped (only the enrolment QR code may be).
        case unescaped(template: String)
        /// It names a word missing from a language's table.
        case unknownWord(template: String, key: String)
        /// Two areas of the UI name a template the same.
        case duplicate(template: String)
    }

    /// Refuses unescaped output other than `{{{qrSVG}}}` (see ``PageTemplates``) and any
    /// `{{t.key}}` that is not in both languages (it would draw as nothing).
    static func check(_ text: String, named name: String) throws(TemplateError) {
        let unescaped = text.replacingOccurrences(of: "{{{qrSVG}}}", with: "")
        if unescaped.contains("{{{") || unescaped.contains("{{&") { throw .unescaped(template: name) }
        for piece in text.components(separatedBy: "{{t.").dropFirst() {
            guard let end = piece.range(of: "}}") else { throw .unknownWord(template: name, key: piece) }
            let key = String(piece[..<end.lowerBound])
            for language in ["ja", "en"] where PageText(language: language).lookup(key) == nil {
                throw .unknownWord(template: name, key: key)
            }
        }
    }
}
