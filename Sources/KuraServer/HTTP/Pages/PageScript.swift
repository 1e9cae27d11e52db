import HTTPTypes
import Hummingbird
import NIOCore

/// The one script of the web UI, served by Kura itself at ``path`` (the CSP allows scripts from
/// Kura's own origin only, never inline). It does one thing: the idle lock (SESS-2). A signed-in
/// page carries the server's idle limit in `data-idle-ms`; when that much time has passed since
/// the page was served (the server's idle clock also counts from the last request), the script
/// removes the menu and the content from the document, so patient data is not only hidden but
/// gone from the page, and shows the lock, whose one button ends the session and leads to
/// sign-in. Pages work without it; the server ends an idle session either way.
enum PageScript {
    /// Where the layout loads it from.
    static let path = PageRoute.asset("kura.js").path

    static let source = """
        (function () {
          'use strict';
          var limit = parseInt(document.body.getAttribute('data-idle-ms') || '0', 10);
          var lock = document.getElementById('idle-lock');
          if (!limit || !lock) { return; }
          var deadline = Date.now() + limit;
          function hide() {
            ['header', 'main'].forEach(function (name) {
              var element = document.querySelector(name);
              if (element) { element.parentNode.removeChild(element); }
            });
            document.body.classList.add('locked');
            lock.hidden = false;
            var button = document.getElementById('idle-lock-sign-in');
            if (button) { button.focus(); }
          }
          function check() {
            var left = deadline - Date.now();
            if (left <= 0) { hide(); } else { window.setTimeout(check, Math.min(left, 5000)); }
          }
          // A page restored from the back-forward cache is as old as when it was served.
          window.addEventListener('pageshow', function (event) { if (event.persisted) { check(); } });
          check();
        })();

        """

    /// Where the layout's icon is served (a storehouse, 蔵, in the header's green).
    static let iconPath = PageRoute.asset("kura.svg").path

    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" \
        fill="#2b4a3f"/><path d="M5 14 16 6l11 8v2H5z" fill="#fff"/><rect x="8" y="16" width="16" height="11" \
        fill="#fff"/><rect x="14" y="20" width="4" height="7" fill="#2b4a3f"/></svg>
        """

    /// Registers the script's and the icon's routes: public (they hold no data), never cached
    /// stale (they change with the software), and served with `nosniff` like every page.
    /// `/favicon.ico`, which browsers ask for by themselves, answers with no content.
    static func register(on router: Router<KuraRequestContext>) {
        for (route, type, body) in [
            (path, "text/javascript; charset=utf-8", source), (iconPath, "image/svg+xml", icon),
        ] {
            router.get(RouterPath(route)) { _, _ in
                var headers = PageResponse.headers
                headers[.contentType] = type
                headers[.cacheControl] = "no-cache"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
            }
        }
        router.get("/favicon.ico") { _, _ in
            var headers = PageResponse.headers
            headers[.cacheControl] = "max-age=86400"
            return Response(status: .noContent, headers: headers)
        }
    }
}
