extension EmergencyPage {
    /// The page's only script (REC-3). It derives the key with Web Crypto (PBKDF2-SHA256, then
    /// AES-GCM decrypt) and builds the view with `createElement` and `textContent` only, never
    /// `innerHTML`, so anything written in a record shows as text. It fetches nothing; the
    /// page's Content-Security-Policy allows this exact script by its hash and no connections.
    ///
    /// `canonical` is ``EmergencyPassphrase/canonical(_:)`` written again: full-width ASCII to
    /// ASCII, upper case, only 0-9 and A-Z kept (UTF-16 surrogates fall outside both ranges, as
    /// the scalars they form do in Swift). The tests open real pages in Chromium, so the two
    /// copies cannot drift apart unnoticed.
    static let script = #"""
        (function () {
          'use strict';
          var AAD = 'kura.emergency-page.v1';
          var form = document.getElementById('unlock');
          var input = document.getElementById('passphrase');
          var reveal = document.getElementById('reveal');
          var button = document.getElementById('open');
          var progress = document.getElementById('progress');
          var failure = document.getElementById('failure');
          var view = document.getElementById('record');
          var envelope = JSON.parse(document.getElementById('kura-envelope').textContent);
          var words = {
            working: '鍵を計算しています（数秒かかります）… Deriving the key (a few seconds)…',
            wrong: 'パスフレーズが違うか、ファイルが壊れています。もう一度入力してください。'
              + ' The passphrase is wrong or the file is damaged. Please try again.',
            length: 'パスフレーズは 32 文字（4 文字 × 8 組）です。'
              + ' The passphrase has 32 characters (8 groups of 4).',
            unsupported: 'このブラウザーでは開けません（Web Crypto API がありません）。別のブラウザーで開いてください。'
              + ' This browser cannot open the file (no Web Crypto API). Please use another browser.'
          };

          function canonical(typed) {
            var out = '';
            for (var i = 0; i < typed.length; i++) {
              var code = typed.charCodeAt(i);
              if (code >= 0xFF01 && code <= 0xFF5E) { code -= 0xFEE0; }
              if (code >= 0x61 && code <= 0x7A) { code -= 0x20; }
              if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5A)) {
                out += String.fromCharCode(code);
              }
            }
            return out;
          }

          function bytes(base64) {
            var binary = atob(base64);
            var result = new Uint8Array(binary.length);
            for (var i = 0; i < binary.length; i++) { result[i] = binary.charCodeAt(i); }
            return result;
          }

          async function decrypt(passphrase) {
            var subtle = window.crypto && window.crypto.subtle;
            if (!subtle) { throw new Error('unsupported'); }
            var encoder = new TextEncoder();
            var material = await subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
            var key = await subtle.deriveKey(
              { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(envelope.salt), iterations: envelope.iterations },
              material, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
            var plain = await subtle.decrypt(
              { name: 'AES-GCM', iv: bytes(envelope.nonce), additionalData: encoder.encode(AAD), tagLength: 128 },
              key, bytes(envelope.ciphertext));
            return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
          }

          function add(parent, tag, text, className) {
            var element = document.createElement(tag);
            if (text !== undefined && text !== null) { element.textContent = String(text); }
            if (className) { element.className = className; }
            parent.appendChild(element);
            return element;
          }

          function facts(parent, rows) {
            var list = add(parent, 'dl', null, 'facts');
            rows.forEach(function (row) {
              if (row[1] === undefined || row[1] === null || row[1] === '') { return; }
              add(list, 'dt', row[0]);
              add(list, 'dd', row[1]);
            });
          }

          function listSection(title, items, className) {
            var section = add(view, 'section', null, className);
            add(section, 'h2', title);
            if (items === null || items === undefined) { add(section, 'p', '未記録 Not recorded', 'none'); return; }
            if (items.length === 0) { add(section, 'p', 'なし None', 'none'); return; }
            var list = add(section, 'ul');
            items.forEach(function (item) {
              var line = add(list, 'li');
              add(line, 'span', item.text, 'item');
              if (item.note) { add(line, 'span', item.note, 'note'); }
              if (item.since) { add(line, 'span', item.since + '〜', 'since'); }
            });
          }

          function showPatient(data) {
            var patient = data.patient;
            var header = add(view, 'section', null, 'patient');
            add(header, 'h2', patient.name, 'name');
            add(header, 'p', patient.kana, 'kana');
            var age = patient.age === null || patient.age === undefined ? '' : '（' + patient.age + '歳）';
            facts(header, [
              ['患者番号 Patient number', patient.number],
              ['生年月日 Date of birth', patient.birthDate + age],
              ['性別 Sex', patient.sex],
              ['住所 Address', patient.address],
              ['電話番号 Phone', patient.phone]
            ]);
            listSection('アレルギー Allergies', data.allergies, 'allergies');
            listSection('病名 Problems', data.problems, 'problems');
            listSection('服薬 Medications', data.medications, 'medications');
            var entries = add(view, 'section', null, 'entries');
            add(entries, 'h2', '最近の記録 Latest entries（' + data.entries.length + '）');
            if (data.entries.length === 0) { add(entries, 'p', '記録なし None', 'none'); }
            data.entries.forEach(function (entry) {
              var article = add(entries, 'article', null, 'entry');
              add(article, 'h3', entry.kindLabel + ' — ' + entry.time);
              add(article, 'p', entry.stateLabel + ' · 記載者 Author: ' + entry.author, 'byline');
              var fields = add(article, 'dl', null, 'fields');
              entry.fields.forEach(function (field) {
                add(fields, 'dt', field.label);
                add(fields, 'dd', field.text, 'text');
              });
            });
          }

          function showIndex(data) {
            var section = add(view, 'section', null, 'index');
            add(section, 'h2', '患者一覧 Patients（' + data.patients.length + '）');
            var table = add(section, 'table');
            var head = add(add(table, 'thead'), 'tr');
            ['患者番号 Number', '氏名 Name', 'フリガナ Kana', '生年月日 Born', ''].forEach(function (title) {
              add(head, 'th', title);
            });
            var body = add(table, 'tbody');
            data.patients.forEach(function (patient) {
              var row = add(body, 'tr');
              [patient.number, patient.name, patient.kana, patient.birthDate].forEach(function (text) {
                add(row, 'td', text);
              });
              var cell = add(row, 'td');
              // Only a plain file name in this folder becomes a link.
              if (/^[A-Za-z0-9_-]{1,64}[.]html$/.test(patient.file)) {
                add(cell, 'a', '開く Open').setAttribute('href', patient.file);
              }
            });
          }

          function show(data) {
            while (view.firstChild) { view.removeChild(view.firstChild); }
            var size = data.checkpointSize === null ? '—' : data.checkpointSize;
            add(view, 'p', '作成 Made ' + data.generatedAt + ' JST · ログの大きさ Log size ' + size, 'made');
            if (data.type === 'index') { showIndex(data); } else { showPatient(data); }
            var print = add(view, 'button', '印刷 Print', 'print');
            print.type = 'button';
            print.addEventListener('click', function () { window.print(); });
            form.hidden = true;
            view.hidden = false;
          }

          reveal.addEventListener('change', function () { input.type = reveal.checked ? 'text' : 'password'; });

          form.addEventListener('submit', function (event) {
            event.preventDefault();
            failure.hidden = true;
            var passphrase = canonical(input.value);
            if (passphrase.length !== 32) {
              failure.textContent = words.length;
              failure.hidden = false;
              return;
            }
            button.disabled = true;
            progress.textContent = words.working;
            decrypt(passphrase).then(function (data) {
              input.value = '';
              progress.textContent = '';
              show(data);
            }, function (error) {
              progress.textContent = '';
              failure.textContent = error && error.message === 'unsupported' ? words.unsupported : words.wrong;
              failure.hidden = false;
              button.disabled = false;
              input.focus();
              input.select();
            });
          });
        })();
        """#
}
