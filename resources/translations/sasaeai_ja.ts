<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>About Sasaeai Map</source>
        <translation>支え合いマップについて</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>&lt;h2&gt;支え合いマップ Sasaeai Map {version}&lt;/h2&gt;&lt;p&gt;Neighbourhood welfare mapping after the three steps of the Echizen City Council of Social Welfare. Works offline; the ledger stays on this computer.&lt;/p&gt;&lt;p&gt;Sasaeai Map is free software under the MIT licence. It is built with the components below; choose one to read its licence.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;支え合いマップ {version}&lt;/h2&gt;&lt;p&gt;越前市社会福祉協議会の3つのステップに沿って、地域の支え合い福祉マップをつくるためのアプリです。オフラインで動き、台帳はこのパソコンの中に保存されます。&lt;/p&gt;&lt;p&gt;支え合いマップは MIT ライセンスのフリーソフトウェアです。下の部品を使っています。部品を選ぶと、そのライセンスを読めます。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>Sasaeai Map (this app)</source>
        <translation>支え合いマップ（このアプリ）</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>Component</source>
        <translation>部品</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>in {distribution}</source>
        <translation>{distribution} に同梱</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>Built into {distribution}.</source>
        <translation>{distribution} に組み込まれています。</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py"/>
        <source>The installed packages do not include the text of this licence: {licences}</source>
        <translation>インストールされたパッケージには、このライセンスの本文が含まれていません：{licences}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="108"/>
        <source>History of changes</source>
        <translation>変更の記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="111"/>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="114"/>
        <source>From</source>
        <translation>この日から</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="119"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="119"/>
        <source>Who</source>
        <translation>操作した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="119"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="119"/>
        <source>What</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="120"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="120"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="120"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="120"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="124"/>
        <source>Export…</source>
        <translation>書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="126"/>
        <source>Person</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="159"/>
        <source>Export the history</source>
        <translation>変更の記録を書き出す</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="160"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>BaseMapChoiceDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="91"/>
        <source>Base map</source>
        <translation>背景の地図</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="92"/>
        <source>What should the town be drawn on? You can change this later in the Map menu.</source>
        <translation>町内の地図の背景に何を使いますか？ あとで「地図」メニューから変えられます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="97"/>
        <source>An image of the town map (scan or PDF export, PNG/JPEG)…</source>
        <translation>町内地図の画像（スキャンやPDFから書き出したもの、PNG/JPEG）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="98"/>
        <source>A map tile pack (MBTiles)…</source>
        <translation>地図タイルのファイル（MBTiles）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="99"/>
        <source>A plain background for now</source>
        <translation>ひとまず無地の背景にする</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="54"/>
        <source>Emergency contact card: {name}</source>
        <translation>緊急連絡カード：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="57"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="57"/>
        <source>Relationship</source>
        <translation>続柄</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="57"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="58"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="60"/>
        <source>Order of priority: the first is called first</source>
        <translation>連絡する順番です。いちばん上の人に最初に連絡します</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="64"/>
        <source>Another contact</source>
        <translation>連絡先を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="69"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="79"/>
        <source>or write the doctor&apos;s name and phone</source>
        <translation>または医師の名前と電話番号を書く</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="85"/>
        <source>Medication, allergies, illnesses (printed on the card only)</source>
        <translation>薬、アレルギー、病気（カードにだけ印刷します）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="102"/>
        <source>Family doctor</source>
        <translation>かかりつけ医</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="104"/>
        <source>Care level / disability</source>
        <translation>要介護度・障がい</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="105"/>
        <source>Medical notes</source>
        <translation>医療のメモ</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="106"/>
        <source>Care manager</source>
        <translation>ケアマネジャー</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="107"/>
        <source>Home care support office</source>
        <translation>居宅介護支援事業所</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="108"/>
        <source>Community general support centre</source>
        <translation>地域包括支援センター</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="109"/>
        <source>Welfare commissioner</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="110"/>
        <source>Commissioner&apos;s phone</source>
        <translation>民生児童委員の電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="111"/>
        <source>Where the card is kept</source>
        <translation>カードの置き場所</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="112"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="113"/>
        <source>Made on</source>
        <translation>作成日</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="114"/>
        <source>Review on</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="117"/>
        <source>Emergency contacts, in order of priority (at least two)</source>
        <translation>緊急連絡先（連絡する順に、2人以上）</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="54"/>
        <source>Which column is which?</source>
        <translation>どの列に何が入っていますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="60"/>
        <source>(not in this file)</source>
        <translation>（このファイルにはない）</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="66"/>
        <source>Sheet {sheet}, headers in row {row}. At least the name is needed.</source>
        <translation>シート「{sheet}」の{row}行目が見出しです。少なくとも氏名の列が必要です。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="82"/>
        <source>Conflicts to resolve</source>
        <translation>同期の食い違い</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="84"/>
        <source>The same thing was changed on this laptop and on another one. Nothing was merged: both values are kept until you choose. Ask the person who made the other change when unsure.</source>
        <translation>同じ項目がこのパソコンと別のパソコンの両方で変更されました。自動ではまとめていません。どちらを残すか選ぶまで両方の値を保管しています。迷ったときは、もう一方を変更した人に確かめてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="90"/>
        <source>What happened</source>
        <translation>起きたこと</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="90"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="90"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="90"/>
        <source>On this laptop</source>
        <translation>このパソコンの値</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="91"/>
        <source>On the other laptop</source>
        <translation>別のパソコンの値</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="91"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="101"/>
        <source>Keep this laptop&apos;s value</source>
        <translation>このパソコンの値を残す</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="102"/>
        <location filename="../../app/ui/sync_dialogs.py" line="146"/>
        <source>Take the other laptop&apos;s value</source>
        <translation>別のパソコンの値にする</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="105"/>
        <source>Nothing to resolve.</source>
        <translation>選ぶものはありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="126"/>
        <source>waiting for your choice</source>
        <translation>選択待ち</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="145"/>
        <source>Understood</source>
        <translation>了解</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="155"/>
        <source>The other laptop ended this record ({label}). End it here too? Its history is kept.</source>
        <translation>別のパソコンでこの記録（{label}）は終了されています。このパソコンでも終了しますか？ 履歴は残ります。</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="49"/>
        <source>Consent: {name}</source>
        <translation>同意：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="51"/>
        <source>Not asked yet (treated as no)</source>
        <translation>まだ聞いていない（同意なしとして扱います）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="52"/>
        <source>Agreed</source>
        <translation>同意した</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="52"/>
        <source>Did not agree</source>
        <translation>同意しなかった</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="55"/>
        <source>Share with their watchers and the welfare commissioner</source>
        <translation>見守り者と民生児童委員に伝えてよい</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="56"/>
        <source>Share with agencies (包括, care office, doctor, city office)</source>
        <translation>関係機関（包括・ケアマネ・かかりつけ医・市役所）に伝えてよい</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="57"/>
        <source>Show by name on the community map and papers</source>
        <translation>町内の地図や配る紙に名前を出してよい</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="67"/>
        <source>Without consent the person appears only as an anonymous symbol on community views, and is left out of papers for community members.</source>
        <translation>同意がない人は、町内向けの表示では名前のない印だけになり、住民に配る紙には載りません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="71"/>
        <source>Answer</source>
        <translation>答え</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="75"/>
        <source>Recorded on</source>
        <translation>記録した日</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/errors.py" line="51"/>
        <source>Sasaeai Map: an unexpected error</source>
        <translation>支え合いマップ：思わぬエラー</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="54"/>
        <source>Something unexpected went wrong. Everything you entered before this is saved; the action that failed may not have been. Please check it and try again.</source>
        <translation>思わぬエラーが起きました。それまでに入力した内容は保存されています。エラーが起きた操作は保存されていないことがあります。確かめて、もう一度やり直してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>The details are written to the log file:
{path}</source>
        <translation>詳しい内容はログファイルに書き込みました：
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="62"/>
        <source>Copy details</source>
        <translation>詳しい内容をコピー</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="63"/>
        <source>Puts the technical details on the clipboard, to send to whoever supports the app</source>
        <translation>技術的な詳しい内容をクリップボードに入れます。アプリの担当者に送ってください</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="76"/>
        <source>{n} errors so far.</source>
        <translation>これまでにエラーが{n}件ありました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="83"/>
        <source>The details are on the clipboard.</source>
        <translation>詳しい内容をクリップボードにコピーしました。</translation>
    </message>
</context>
<context>
    <name>DemoBar</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="164"/>
        <source>This is the demo ledger for practice. Please enter invented people only.</source>
        <translation>これは練習用のデモ台帳です。架空の人だけを入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="167"/>
        <source>Entering real people? The demo is for practice only. Make your own ledger, encrypted with your passphrase; nothing from the demo is copied into it.</source>
        <translation>実在の人を入力していませんか？デモは練習用です。自分の台帳（自分の合言葉で暗号化されます）を作ってください。デモの内容は新しい台帳に移りません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="170"/>
        <source>Make my own ledger…</source>
        <translation>自分の台帳を作る…</translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="189"/>
        <source>Step III · Emergency contacts</source>
        <translation>ステップⅢ・緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="193"/>
        <source>Everyone who needs support</source>
        <translation>支援が必要な人すべて</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="194"/>
        <source>No card yet</source>
        <translation>カード未作成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="195"/>
        <source>Card incomplete</source>
        <translation>カードが未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="196"/>
        <source>Review date passed</source>
        <translation>見直し日が過ぎた</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="203"/>
        <source>Edit card…</source>
        <translation>カードを編集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="204"/>
        <source>Card preview…</source>
        <translation>カードを確認…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="205"/>
        <source>Emergency contact sheet…</source>
        <translation>緊急連絡表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="206"/>
        <source>All cards…</source>
        <translation>すべてのカード…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="208"/>
        <source>1 card per A4 page</source>
        <translation>A4に1枚ずつ</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="209"/>
        <source>2 cards per A4 page (cut in half)</source>
        <translation>A4に2枚ずつ（半分に切る）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="224"/>
        <source>Print or save</source>
        <translation>印刷・保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="255"/>
        <source>✗ no card yet</source>
        <translation>✗ カード未作成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="257"/>
        <source>! review date passed</source>
        <translation>! 見直し日が過ぎています</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="259"/>
        <source>△ incomplete</source>
        <translation>△ 未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="260"/>
        <source>✓ card complete</source>
        <translation>✓ カード完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="272"/>
        <source>{total} persons need support: {none} without a card, {incomplete} incomplete, {overdue} past review</source>
        <translation>支援が必要な人 {total}人：カード未作成 {none}人、未完成 {incomplete}人、見直し日が過ぎた人 {overdue}人</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="291"/>
        <source>Choose a person from the list or on the map.</source>
        <translation>一覧か地図で、人を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="295"/>
        <source>Contacts: {names}</source>
        <translation>連絡先：{names}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="296"/>
        <source>Review on: {day}</source>
        <translation>見直し日：{day}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="298"/>
        <source>Nearest designated shelter: {label}</source>
        <translation>いちばん近い指定避難所：{label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="300"/>
        <source>Nearest designated shelter: unknown (the household is not on a geographic map, or no shelters are imported)</source>
        <translation>いちばん近い指定避難所：不明（世帯が緯度・経度のある地図に載っていないか、避難所が取り込まれていません）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="303"/>
        <source>Still missing:</source>
        <translation>まだ足りないもの：</translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message>
        <location filename="../../app/ui/panels.py" line="91"/>
        <source>Show on the map</source>
        <translation>地図に表示するもの</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="100"/>
        <source>Other households</source>
        <translation>その他の世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="100"/>
        <source>Gathering places</source>
        <translation>たまり場</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="65"/>
        <source>Welcome to Sasaeai Map</source>
        <translation>支え合いマップへようこそ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="67"/>
        <source>Sasaeai Map keeps your town&apos;s mutual-support welfare map on this computer.
Nothing is sent over the internet.

Start a new ledger for your town, or open the demo town 「ひだまり町」 to look around first.</source>
        <translation>支え合いマップは、町内の支え合い福祉マップをこのパソコンの中に保存します。
インターネットには何も送りません。

町内の台帳を新しく作るか、まずはお試しの町「ひだまり町」を開いて見てみてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="72"/>
        <source>Start a new ledger for my town…</source>
        <translation>町内の台帳を新しく作る…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="73"/>
        <source>Open the demo town</source>
        <translation>お試しの町を開く</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../app/ui/help.py" line="45"/>
        <source>Guide: the three steps</source>
        <translation>使い方：3つのステップ</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="215"/>
        <location filename="../../app/ui/panels.py" line="316"/>
        <source>Click a household on the map, or turn on “Add household” and click the map.</source>
        <translation>地図の世帯をクリックしてください。新しい世帯は「世帯を追加」を押してから地図をクリックします。</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="222"/>
        <source>e.g. 山田家</source>
        <translation>例：山田家</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="226"/>
        <source>Categories</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="230"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="230"/>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="230"/>
        <source>Born</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="230"/>
        <source>Concern</source>
        <translation>気がかり</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="236"/>
        <source>Add member…</source>
        <translation>世帯員を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="237"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="238"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="239"/>
        <source>Consent…</source>
        <translation>同意…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="240"/>
        <source>What this member agreed to share (同意)</source>
        <translation>この世帯員が同意したこと</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="241"/>
        <source>Delete household…</source>
        <translation>世帯を削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="246"/>
        <source>Household</source>
        <translation>世帯名</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="247"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="248"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="254"/>
        <source>Members</source>
        <translation>世帯員</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="324"/>
        <source>No.{number}  {label}</source>
        <translation>No.{number}  {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="337"/>
        <source> ({age})</source>
        <translation>（{age}歳）</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="339"/>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="105"/>
        <source>Hide unchanged rows</source>
        <translation>変更のない行を隠す</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="108"/>
        <source>What</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="108"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="108"/>
        <source>Who</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="108"/>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="109"/>
        <source>Decision</source>
        <translation>選択</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="131"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="144"/>
        <source>{file}: {added} to add, {updated} to update, {unchanged} unchanged, {decide} need a decision. Nothing is written until you press Import.</source>
        <translation>{file}：追加 {added}件、更新 {updated}件、変更なし {unchanged}件、確認が必要 {decide}件。「取り込む」を押すまで、台帳には何も書き込みません。</translation>
    </message>
</context>
<context>
    <name>JapaneseDateEdit</name>
    <message>
        <location filename="../../app/ui/dates.py" line="30"/>
        <source>e.g. 令和8年4月1日, R8.4.1 or 2026-04-01</source>
        <translation>例：令和8年4月1日、R8.4.1、2026-04-01</translation>
    </message>
    <message>
        <location filename="../../app/ui/dates.py" line="57"/>
        <source>⚠ Not a date this app understands</source>
        <translation>⚠ 日付として読み取れません</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="73"/>
        <location filename="../../app/ui/watch_panel.py" line="116"/>
        <location filename="../../app/ui/watch_panel.py" line="119"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="73"/>
        <source>How they are involved</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="75"/>
        <source>New watcher…</source>
        <translation>新しい見守り者…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="86"/>
        <source>Not on this map</source>
        <translation>この地図に載っていない</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="96"/>
        <source>Known</source>
        <translation>日付を入れる</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="106"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="107"/>
        <source>Reading (kana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="108"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="109"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="110"/>
        <source>Lives in</source>
        <translation>住まい</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="127"/>
        <source>Involvement (関わり方)</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="128"/>
        <source>How often</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="129"/>
        <source>Since</source>
        <translation>いつから</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="130"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="310"/>
        <location filename="../../app/ui/main_window.py" line="953"/>
        <source>Sasaeai Map</source>
        <translation>支え合いマップ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="314"/>
        <source>(demo town)</source>
        <translation>（お試しの町）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="330"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="332"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="335"/>
        <location filename="../../app/ui/main_window.py" line="877"/>
        <source>Add household</source>
        <translation>世帯を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="335"/>
        <source>Then click the map where the household is</source>
        <translation>このあと、世帯のある場所を地図でクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="338"/>
        <location filename="../../app/ui/main_window.py" line="895"/>
        <source>Add gathering place</source>
        <translation>たまり場を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="338"/>
        <source>Then click the map where the gathering place is</source>
        <translation>このあと、たまり場のある場所を地図でクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="341"/>
        <source>Delete household…</source>
        <translation>世帯を削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="341"/>
        <source>Delete the selected household (asks first; undo brings it back)</source>
        <translation>選んだ世帯を削除します（先に確認します。「元に戻す」で戻せます）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="343"/>
        <source>New town…</source>
        <translation>町内を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="343"/>
        <source>Add a town to this ledger</source>
        <translation>この台帳に町内を追加します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="345"/>
        <source>Use a town-map image…</source>
        <translation>町内地図の画像を使う…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="345"/>
        <source>A scanned or exported town map (PNG or JPEG)</source>
        <translation>スキャンまたは書き出した町内地図（PNGまたはJPEG）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>Use an MBTiles file…</source>
        <translation>MBTilesファイルを使う…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>A raster tile pack prepared for offline use</source>
        <translation>オフライン用に用意した地図タイルのファイル</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="351"/>
        <source>Use a plain background</source>
        <translation>無地の背景を使う</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="351"/>
        <source>No base map</source>
        <translation>背景の地図を使いません</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="354"/>
        <source>Watch lines</source>
        <translation>見守りの線</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="354"/>
        <source>Show the lines from each watcher&apos;s house to the person they watch</source>
        <translation>見守り者の家から、見守る相手までの線を表示します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="357"/>
        <source>Export watch-network record form…</source>
        <translation>見守りネットワーク記録用紙を書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="357"/>
        <source>The 見守りネットワーク記録用紙 of this town, in Excel</source>
        <translation>この町内の見守りネットワーク記録用紙（Excel）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="360"/>
        <source>Import watch-network record form…</source>
        <translation>見守りネットワーク記録用紙を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="360"/>
        <source>Read back a form filled in by volunteers</source>
        <translation>記入済みの記録用紙を読み込みます</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="363"/>
        <source>Import roster…</source>
        <translation>名簿を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="363"/>
        <source>A list with one row per person (Excel or CSV)</source>
        <translation>1人1行の名簿（ExcelまたはCSV）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="365"/>
        <source>Import shelters or facilities…</source>
        <translation>避難所・施設を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="366"/>
        <source>Public lists of shelters, community halls or clinics (CSV or GeoJSON)</source>
        <translation>避難所、公民館、診療所などの公開されている一覧（CSVまたはGeoJSON）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="368"/>
        <source>Import agency list…</source>
        <translation>関係機関の一覧を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="369"/>
        <source>Community general support centres, care offices, clinics … (Excel or CSV)</source>
        <translation>地域包括支援センター、居宅介護支援事業所、診療所 …（ExcelまたはCSV）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="371"/>
        <source>Shelters and facilities</source>
        <translation>避難所・施設</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="371"/>
        <source>Show imported shelters, community halls and clinics</source>
        <translation>取り込んだ避難所、公民館、診療所を表示します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="375"/>
        <source>Print map…</source>
        <translation>地図を印刷…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="375"/>
        <source>The town map with map numbers (no names), A4 or A3, PDF or PNG</source>
        <translation>地図番号入りの町内地図（氏名なし）。A4かA3、PDFかPNG</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="378"/>
        <source>Projector mode</source>
        <translation>プロジェクター表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="378"/>
        <source>Meeting display: large symbols, map numbers instead of names, no phone numbers or health notes</source>
        <translation>会議用の表示：記号を大きくし、氏名の代わりに地図番号を出します。電話番号や健康のメモは出しません</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="381"/>
        <source>Back up now…</source>
        <translation>今すぐ控えを作る…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="381"/>
        <source>Save an encrypted copy of the ledger</source>
        <translation>台帳の控え（暗号化）を保存します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="383"/>
        <source>Restore from a backup…</source>
        <translation>控えから戻す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="384"/>
        <source>Replace the ledger with a backup (the current one is kept)</source>
        <translation>台帳を控えで置き換えます（今の台帳も残します）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="386"/>
        <source>Sync with the office…</source>
        <translation>事務所と同期…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="387"/>
        <source>Send this laptop&apos;s changes and receive the others&apos; (office network)</source>
        <translation>このパソコンの変更を送り、ほかのパソコンの変更を受け取ります（事務所のネットワーク）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="389"/>
        <location filename="../../app/ui/main_window.py" line="1248"/>
        <source>Conflicts to resolve…</source>
        <translation>同期の食い違い…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="390"/>
        <source>Changes made here and on another laptop: choose which to keep</source>
        <translation>このパソコンと別のパソコンの両方で変更された項目：残す方を選びます</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="393"/>
        <source>Sync package for the office (USB)…</source>
        <translation>事務所へ渡す同期ファイル（USB）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="394"/>
        <source>Save this laptop&apos;s changes to an encrypted file to carry to the office</source>
        <translation>このパソコンの変更を暗号化したファイルに保存し、事務所へ持って行きます</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="397"/>
        <source>Sync package from the office (USB)…</source>
        <translation>事務所からの同期ファイル（USB）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="398"/>
        <source>Read the other laptops&apos; changes from the file the office made for this laptop</source>
        <translation>事務所がこのパソコン用に作ったファイルから、ほかのパソコンの変更を読み込みます</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="400"/>
        <source>Lock when idle…</source>
        <translation>自動ロックまでの時間…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="401"/>
        <source>After how many idle minutes the window locks</source>
        <translation>操作しない状態が何分続いたら画面をロックするか</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="403"/>
        <source>Change passphrase…</source>
        <translation>合言葉を変える…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="403"/>
        <source>Encrypt the ledger anew</source>
        <translation>台帳を新しい合言葉で暗号化し直します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="405"/>
        <source>History of changes…</source>
        <translation>変更の記録…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Who changed what and when (the audit log)</source>
        <translation>だれが、いつ、何を変えたか</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="407"/>
        <source>Lock now</source>
        <translation>今すぐロック</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="407"/>
        <source>Hide the ledger until the passphrase is entered</source>
        <translation>合言葉を入れるまで台帳を隠します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="409"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="409"/>
        <source>Close Sasaeai Map</source>
        <translation>支え合いマップを終了します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="411"/>
        <source>About Sasaeai Map</source>
        <translation>支え合いマップについて</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="411"/>
        <source>Version and licences</source>
        <translation>バージョンとライセンス</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="412"/>
        <source>Guide: the three steps</source>
        <translation>使い方：3つのステップ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="412"/>
        <source>How to use Sasaeai Map</source>
        <translation>支え合いマップの使い方</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="414"/>
        <source>Large text</source>
        <translation>大きな文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="414"/>
        <source>Text and map symbols 1.5 times larger</source>
        <translation>文字と地図の記号を1.5倍にします</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="417"/>
        <source>High contrast</source>
        <translation>はっきりした色</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="417"/>
        <source>Strong colours, easier to tell apart</source>
        <translation>濃い色で、見分けやすくします</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="419"/>
        <source>Dates in the Japanese era (和暦)</source>
        <translation>和暦で表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="420"/>
        <source>令和7年4月1日 instead of 2025-04-01</source>
        <translation>2025-04-01 ではなく 令和7年4月1日 と表示します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="425"/>
        <source>Ⅰ Map households</source>
        <translation>Ⅰ 世帯を地図に記す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="425"/>
        <source>Step I: mark households and gathering places on the town map</source>
        <translation>ステップⅠ：町内の地図に世帯とたまり場を記します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="426"/>
        <source>Ⅱ Watch network</source>
        <translation>Ⅱ 見守りネットワーク</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="426"/>
        <source>Step II: who watches over each person of concern</source>
        <translation>ステップⅡ：気がかりな人を、誰が見守るか</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="427"/>
        <source>Ⅲ Emergency contacts</source>
        <translation>Ⅲ 緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="427"/>
        <source>Step III: emergency contact cards and sheet</source>
        <translation>ステップⅢ：緊急連絡カードと緊急連絡表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="428"/>
        <source>Liaison meeting</source>
        <translation>福祉連絡会</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="428"/>
        <source>The yearly review of every person of concern (福祉連絡会)</source>
        <translation>気がかりな人を毎年見直す会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="438"/>
        <source>Steps</source>
        <translation>手順</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="444"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="448"/>
        <source>The town shown on the map</source>
        <translation>地図に表示する町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="451"/>
        <source>Town:</source>
        <translation>町内：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="462"/>
        <source>Projector</source>
        <translation>プロジェクター</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="466"/>
        <source>Leave projector mode…</source>
        <translation>プロジェクター表示を終わる…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="466"/>
        <source>Show names and details again (asks first)</source>
        <translation>氏名などをまた表示します（先に確認します）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="478"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="490"/>
        <source>S&amp;ync</source>
        <translation>同期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="496"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="500"/>
        <source>&amp;Map</source>
        <translation>地図(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="508"/>
        <source>&amp;Steps</source>
        <translation>手順(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="511"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="514"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="523"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="168"/>
        <source>Other household</source>
        <translation>その他の世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="169"/>
        <source>A person of concern lives here</source>
        <translation>気がかりな人がいる世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170"/>
        <source>Gathering place (たまり場)</source>
        <translation>たまり場</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="171"/>
        <source>Person of concern nobody watches over yet</source>
        <translation>見守り者がまだいない気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="172"/>
        <source>Click to show or hide the legend</source>
        <translation>クリックで凡例を表示／非表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>Drag to move this household</source>
        <translation>ドラッグでこの世帯を移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>(?) Position guessed from the address: drag it to the house</source>
        <translation>（？）住所から推定した位置です。家の場所へドラッグしてください</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="212"/>
        <source>Not on the map yet</source>
        <translation>まだ地図にない世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="216"/>
        <source>Pin on the map</source>
        <translation>地図に置く</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="217"/>
        <source>Choose a household above, press this, then click where the house is</source>
        <translation>上の世帯を選んでこのボタンを押し、地図の上でその家の場所をクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="238"/>
        <source>PROJECTOR MODE — names, phone numbers, birth dates and health notes are hidden. Households are shown by their map numbers.</source>
        <translation>プロジェクター表示中 — 氏名・電話番号・生年月日・健康のメモは隠しています。世帯は地図番号で示します。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="248"/>
        <source>Locked: the ledger is hidden while nobody uses the computer.
Nothing was lost. Press Unlock and enter the passphrase.</source>
        <translation>ロック中：だれも使っていない間、台帳を隠しています。
データは失われていません。「ロック解除」を押して合言葉を入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="254"/>
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="274"/>
        <source>Delete the unencrypted copy…</source>
        <translation>暗号化されていない控えを削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="286"/>
        <source>Sync with the office server: Sync menu</source>
        <translation>事務所のサーバーとの同期：「同期」メニュー</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289"/>
        <source>Offline: nothing leaves this computer unless you sync with the office</source>
        <translation>オフライン：事務所と同期しない限り、データはこのパソコンから出ません</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="652"/>
        <source>No town yet: File → New town…</source>
        <translation>まだ町内がありません：ファイル → 町内を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="659"/>
        <source>{town}: {households} households, {places} gathering places</source>
        <translation>{town}：{households}世帯、たまり場 {places}か所</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="747"/>
        <source>Town map images (*.png *.jpg *.jpeg)</source>
        <translation>町内地図の画像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="748"/>
        <source>MBTiles files (*.mbtiles)</source>
        <translation>MBTilesファイル (*.mbtiles)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="749"/>
        <source>Choose the base map</source>
        <translation>背景の地図を選ぶ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="851"/>
        <source>Not on the map yet ({n})</source>
        <translation>まだ地図にない世帯（{n}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="862"/>
        <source>Click the map where the house is.</source>
        <translation>地図の上で、その家の場所をクリックしてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="868"/>
        <source>Pin household</source>
        <translation>世帯を地図に置く</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="906"/>
        <source>Move gathering place</source>
        <translation>たまり場の移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="911"/>
        <source>Move household</source>
        <translation>世帯の移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="948"/>
        <source>Edit household</source>
        <translation>世帯の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="964"/>
        <source>Delete household No.{number} {label} from the map?
Undo (Ctrl+Z) brings it back.</source>
        <translation>No.{number} {label} を地図から削除しますか？
「元に戻す」(Ctrl+Z) で戻せます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="968"/>
        <source>Delete household</source>
        <translation>世帯の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="985"/>
        <source>Add member</source>
        <translation>世帯員の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1001"/>
        <source>Edit member</source>
        <translation>世帯員の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1009"/>
        <source>Remove {name} from this household?</source>
        <translation>{name} さんをこの世帯から削除しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1012"/>
        <source>Remove member</source>
        <translation>世帯員の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1022"/>
        <source>Delete the gathering place {name}?</source>
        <translation>たまり場「{name}」を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1023"/>
        <source>Delete gathering place</source>
        <translation>たまり場の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1028"/>
        <source>Edit gathering place</source>
        <translation>たまり場の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1068"/>
        <source>That passphrase does not open this ledger.</source>
        <translation>その合言葉ではこの台帳を開けません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1116"/>
        <source>Record consent</source>
        <translation>同意の記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1122"/>
        <source>Back up the ledger</source>
        <translation>台帳の控えを作る</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1124"/>
        <location filename="../../app/ui/main_window.py" line="1145"/>
        <source>Ledger backups (*.sqlite3)</source>
        <translation>台帳の控え (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1133"/>
        <source>Backed up to {path} (encrypted like the ledger)</source>
        <translation>{path} に控えを保存しました（台帳と同じく暗号化）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1144"/>
        <location filename="../../app/ui/main_window.py" line="1152"/>
        <source>Restore from a backup</source>
        <translation>控えから戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1368"/>
        <source>Change passphrase</source>
        <translation>合言葉を変える</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1376"/>
        <source>The passphrase was changed (a backup was made first).</source>
        <translation>合言葉を変えました（先に控えを作りました）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1407"/>
        <source>Printed map</source>
        <translation>印刷用の地図</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1421"/>
        <source>Print map</source>
        <translation>地図の印刷</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1422"/>
        <source>Draw the watch lines</source>
        <translation>見守りの線を描く</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1424"/>
        <source>Landscape</source>
        <translation>横向き</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1425"/>
        <source>Portrait</source>
        <translation>縦向き</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1427"/>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1428"/>
        <source>Orientation</source>
        <translation>向き</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1449"/>
        <source>Leave projector mode? Names, phone numbers and notes will be shown again.</source>
        <translation>プロジェクター表示を終わりますか？ 氏名・電話番号・メモがまた表示されます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1531"/>
        <source>Add watcher</source>
        <translation>見守り者の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1549"/>
        <source>Edit involvement</source>
        <translation>関わり方の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1556"/>
        <source>{watcher} no longer watches over this person?</source>
        <translation>{watcher} さんを、この人の見守り者から外しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1558"/>
        <source>Remove watcher</source>
        <translation>見守り者を外す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1584"/>
        <source>New meeting</source>
        <translation>新しい会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1603"/>
        <source>Record for No.{number} that they {outcome}?
Their watch ends. Nothing is deleted: the record is kept and can be restored.</source>
        <translation>No.{number} の方を「{outcome}」として記録しますか？
見守りは終わりますが、記録は消さずに保管し、あとで戻せます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1617"/>
        <source>Review</source>
        <translation>見直し</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1635"/>
        <source>Due and overdue</source>
        <translation>見直しが必要な人</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1635"/>
        <location filename="../../app/ui/main_window.py" line="1686"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1635"/>
        <location filename="../../app/ui/main_window.py" line="1686"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1635"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1636"/>
        <source>Since</source>
        <translation>いつから</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1642"/>
        <source>(hidden on the projector)</source>
        <translation>（投影中は非表示）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1673"/>
        <source>This town has no liaison meeting recorded yet: start one with New meeting…</source>
        <translation>この町内の福祉連絡会はまだ記録がありません。「新しい会議…」から始めてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1679"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1681"/>
        <source>Since {since}. Who recorded each change: from the history of changes.</source>
        <translation>{since} 以降の変更です。記録した人は変更の記録から。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1683"/>
        <source>Since {since}. Only record times are known (who recorded them is not).</source>
        <translation>{since} 以降の変更です。記録した時刻だけが分かります（記録した人は分かりません）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1685"/>
        <source>What changed since the last meeting</source>
        <translation>前回の会議からの変化</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1686"/>
        <source>What</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1686"/>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1686"/>
        <source>Fields</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1687"/>
        <source>Recorded by</source>
        <translation>記録した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1687"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1694"/>
        <source>Town / district</source>
        <translation>町内・地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1694"/>
        <source>Watched (■) / not (□)</source>
        <translation>見守りあり（■）・なし（□）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1702"/>
        <source>Overview</source>
        <translation>全体のようす</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1703"/>
        <source>Export to Excel…</source>
        <translation>Excelに書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1706"/>
        <source>Export the overview</source>
        <translation>全体のようすを書き出す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1747"/>
        <source>Edit emergency card</source>
        <translation>緊急連絡カードの編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1790"/>
        <source>Emergency contact sheet</source>
        <translation>緊急連絡表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1802"/>
        <source>Emergency contact cards</source>
        <translation>緊急連絡カード</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1816"/>
        <source>For whom?</source>
        <translation>だれに渡しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1817"/>
        <source>Who will receive this copy? Persons who did not consent to sharing with them are left anonymous.</source>
        <translation>この書類を受け取るのはだれですか？ その相手への提供に同意していない人は匿名になります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1836"/>
        <location filename="../../app/ui/main_window.py" line="1846"/>
        <source>Import shelters or facilities</source>
        <translation>避難所・施設の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1837"/>
        <source>CSV or GeoJSON (*.csv *.geojson *.json)</source>
        <translation>CSVまたはGeoJSON (*.csv *.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1825"/>
        <source>{file}: {summary}. Import?</source>
        <translation>{file}：{summary}。取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1857"/>
        <location filename="../../app/ui/main_window.py" line="1870"/>
        <location filename="../../app/ui/main_window.py" line="1883"/>
        <location filename="../../app/ui/main_window.py" line="1892"/>
        <source>Import agency list</source>
        <translation>関係機関の一覧の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1858"/>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>ExcelまたはCSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1871"/>
        <source>{count} phone numbers in {file} have no area code (市外局番).
Which area code do they have? (e.g. 0776)</source>
        <translation>{file} の電話番号のうち {count}件に市外局番がありません。
市外局番は何番ですか？（例：0776）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1884"/>
        <source>What kind of agencies does {file} list?</source>
        <translation>{file} はどの種類の機関の一覧ですか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1914"/>
        <source>Export watch-network record form</source>
        <translation>見守りネットワーク記録用紙の書き出し</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1707"/>
        <location filename="../../app/ui/main_window.py" line="1915"/>
        <location filename="../../app/ui/main_window.py" line="1962"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1153"/>
        <source>This backup does not open with the current passphrase.
Its passphrase:</source>
        <translation>このバックアップは今の合言葉では開けません。
バックアップの合言葉：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1164"/>
        <source>Replace the ledger with this backup?
{file}

Everything recorded after the backup was made is replaced. The ledger as it is now is kept as a backup first, so restoring that one undoes this.</source>
        <translation>台帳をこのバックアップで置き換えますか？
{file}

バックアップを作った後に記録した内容は置き換わります。今の台帳は先にバックアップとして保存するので、それを復元すれば元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1187"/>
        <source>Restored {file}. The ledger as it was is kept as {kept}.</source>
        <translation>{file} を復元しました。置き換える前の台帳は {kept} に保存してあります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1222"/>
        <source>Your own ledger was made in
{folder}

The demo now closes and Sasaeai Map starts again on your ledger: enter the passphrase you chose.</source>
        <translation>自分の台帳を作りました：
{folder}

デモを閉じて、自分の台帳で支え合いマップを起動し直します。決めた合言葉を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1226"/>
        <source>Sasaeai Map could not start again by itself. Please start it yourself; your ledger is in
{folder}</source>
        <translation>支え合いマップを自動で起動し直せませんでした。手で起動してください。台帳の場所：
{folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1197"/>
        <source>An unencrypted copy of the ledger, made when it was first encrypted, is still in the backups folder: anyone who gets this computer can read it.
{files}</source>
        <translation>台帳を初めて暗号化したときの暗号化されていない控えが、バックアップのフォルダーに残っています。このパソコンを手にした人はだれでも読めます。
{files}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1207"/>
        <source>Delete the unencrypted copy?

The encrypted ledger holds everything in it (this is checked first); the encrypted backups are kept.</source>
        <translation>暗号化されていない控えを削除しますか？

控えの内容はすべて暗号化された台帳に入っています（削除の前に確かめます）。暗号化されたバックアップは残ります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1218"/>
        <source>The unencrypted copy was deleted.</source>
        <translation>暗号化されていない控えを削除しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1226"/>
        <source>Lock when idle</source>
        <translation>自動ロック</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1227"/>
        <source>Lock the window after this many minutes without use:</source>
        <translation>操作しない状態がこの分数続いたら画面をロック：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1234"/>
        <source>The window locks after {minutes} minutes without use.</source>
        <translation>操作しない状態が {minutes} 分続くと画面をロックします。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1247"/>
        <source>Conflicts to resolve ({n})…</source>
        <translation>同期の食い違い（{n}件）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1265"/>
        <location filename="../../app/ui/main_window.py" line="1282"/>
        <source>Sync with the office</source>
        <translation>事務所と同期</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1266"/>
        <source>The office server&apos;s address, as the office gave it (postgresql://…):</source>
        <translation>事務所から伝えられたサーバーのアドレス（postgresql://…）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1283"/>
        <source>Syncing with the office server…</source>
        <translation>事務所のサーバーと同期しています…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1287"/>
        <source>Sync stopped; nothing half-done was kept. Sync again to finish.</source>
        <translation>同期を中止しました。途中までの変更は残していません。もう一度同期すれば続きから終わらせます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1321"/>
        <source>The package&apos;s passphrase (agreed with the office; not the ledger&apos;s):</source>
        <translation>同期ファイルの合言葉（事務所と決めたもの。台帳の合言葉とは別）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1343"/>
        <source>Sync package for the office</source>
        <translation>事務所へ渡す同期ファイル</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1347"/>
        <location filename="../../app/ui/main_window.py" line="1360"/>
        <source>Sync packages (*.sqlite3)</source>
        <translation>同期ファイル (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1352"/>
        <source>Saved {n} changes to {path}: take it to the office.</source>
        <translation>{n} 件の変更を {path} に保存しました。事務所へ持って行ってください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1357"/>
        <source>Sync package from the office</source>
        <translation>事務所からの同期ファイル</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1925"/>
        <source>Saved {path}</source>
        <translation>保存しました：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1944"/>
        <source>Importing {file}…</source>
        <translation>{file} を取り込み中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1948"/>
        <source>Import cancelled: nothing was changed.</source>
        <translation>取り込みを取りやめました。台帳は変わっていません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1954"/>
        <source>Imported: {summary}</source>
        <translation>取り込みました：{summary}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1961"/>
        <location filename="../../app/ui/main_window.py" line="1966"/>
        <source>Import watch-network record form</source>
        <translation>見守りネットワーク記録用紙の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1973"/>
        <location filename="../../app/ui/main_window.py" line="1989"/>
        <source>Import roster</source>
        <translation>名簿の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1974"/>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>名簿 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="2005"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="2006"/>
        <source>The new language is used from the next start of Sasaeai Map.</source>
        <translation>新しい言語は、支え合いマップを次に起動したときから使われます。</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="111"/>
        <source>Liaison meeting</source>
        <translation>福祉連絡会</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="116"/>
        <source>Town welfare liaison meeting (町内福祉連絡会)</source>
        <translation>町内福祉連絡会</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="117"/>
        <source>District welfare network meeting (地区福祉ネットワーク会議)</source>
        <translation>地区福祉ネットワーク会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="120"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="120"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="129"/>
        <source>Held on</source>
        <translation>開催日</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="130"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="131"/>
        <source>Attendees</source>
        <translation>出席者</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="132"/>
        <source>Notes</source>
        <translation>記録</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="167"/>
        <source>Liaison meeting · review</source>
        <translation>福祉連絡会・見直し</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="169"/>
        <source>The meeting the reviews are recorded for</source>
        <translation>見直しを記録する会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="170"/>
        <source>New meeting…</source>
        <translation>新しい会議…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="179"/>
        <source>A short note (optional)</source>
        <translation>ひとことメモ（なくてもよい）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="189"/>
        <source>Due and overdue…</source>
        <translation>見直しが必要な人…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="190"/>
        <source>What changed…</source>
        <translation>前回からの変化…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="191"/>
        <source>Overview…</source>
        <translation>全体のようす…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="192"/>
        <source>Self-check…</source>
        <translation>体制チェック…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="218"/>
        <source>(no meeting: review only)</source>
        <translation>（会議なし：見直しだけ）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="237"/>
        <source>{done} of {total} reviewed at this meeting; {due} due</source>
        <translation>この会議で {total} 人中 {done} 人を見直しました（見直しが必要：{due} 人）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="250"/>
        <source>Choose a person: the map follows.</source>
        <translation>人を選ぶと、地図がその家を映します。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="252"/>
        <source>last reviewed {day}: {outcome}</source>
        <translation>前回の見直し {day}：{outcome}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="254"/>
        <source>never reviewed</source>
        <translation>まだ見直していません</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="256"/>
        <source>{n} watchers</source>
        <translation>見守り者 {n} 人</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="79"/>
        <source>{pages} pages</source>
        <translation>{pages}ページ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="61"/>
        <source>Save PDF…</source>
        <translation>PDFを保存…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="62"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="69"/>
        <source>For whom:</source>
        <translation>渡す相手：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="81"/>
        <source>Rule applied: {rule}</source>
        <translation>適用した規則：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="108"/>
        <source>Save PDF</source>
        <translation>PDFの保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="109"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../app/ui/panels.py" line="124"/>
        <source>Member</source>
        <translation>世帯員</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="124"/>
        <source>Edit member</source>
        <translation>世帯員の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="127"/>
        <source>Suggested from the name; please check</source>
        <translation>氏名から推測しました。確かめてください</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="129"/>
        <source>e.g. 昭和15年3月2日, S15.3.2 or 1940-03-02</source>
        <translation>例：昭和15年3月2日、S15.3.2、1940-03-02</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="132"/>
        <source>Person of concern</source>
        <translation>気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="134"/>
        <source>What the neighbours worry about</source>
        <translation>近所の人が気にかけていること</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="139"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="140"/>
        <source>Reading (kana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="141"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="142"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="144"/>
        <source>Concerns</source>
        <translation>気になるところ</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="179"/>
        <source>⚠ Not a date this app understands</source>
        <translation>⚠ 日付として読み取れません</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="186"/>
        <source>{wareki} ({seireki}), age {age}</source>
        <translation>{wareki}（{seireki}）、{age}歳</translation>
    </message>
</context>
<context>
    <name>PersonList</name>
    <message>
        <location filename="../../app/ui/person_list.py" line="55"/>
        <source>In map-number order</source>
        <translation>地図番号の順</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="56"/>
        <source>In 五十音 order (by reading)</source>
        <translation>五十音順（ふりがな）</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="112"/>
        <source>Gathering place</source>
        <translation>たまり場</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="116"/>
        <source>Salon</source>
        <translation>サロン</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="117"/>
        <source>Meeting hall</source>
        <translation>公民館・集会所</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="118"/>
        <source>Café</source>
        <translation>カフェ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="119"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="123"/>
        <source>e.g. 毎週水曜 10:00〜12:00</source>
        <translation>例：毎週水曜 10:00〜12:00</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="126"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="127"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="128"/>
        <source>Schedule</source>
        <translation>開いている日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="129"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="135"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../app/ui/panels.py" line="53"/>
        <source>Search name, reading or address</source>
        <translation>氏名・ふりがな・住所で検索</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="55"/>
        <source>Full/half width and hiragana/katakana are ignored</source>
        <translation>全角・半角、ひらがな・カタカナの違いは気にせず探します</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="79"/>
        <source>No household found</source>
        <translation>該当する世帯はありません</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="83"/>
        <source>Organisation self-check</source>
        <translation>体制チェック表</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="88"/>
        <source>The fiscal year (年度, April to March) the answers are for</source>
        <translation>回答する年度（4月〜翌年3月）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="94"/>
        <source>Who answered (optional)</source>
        <translation>回答者（任意）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="96"/>
        <source>A remark on the whole list (optional)</source>
        <translation>全体についての所見（任意）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="103"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="104"/>
        <source>Checker</source>
        <translation>チェック者</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="105"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="106"/>
        <source>Remark</source>
        <translation>所見</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="128"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="161"/>
        <source>Answer</source>
        <translation>回答する</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="162"/>
        <source>Compare years</source>
        <translation>年度を比べる</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="164"/>
        <source>Save answers</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="198"/>
        <source>Not answered yet for this year and checker.</source>
        <translation>この年度・チェック者ではまだ回答がありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="200"/>
        <source>Answered on {date}.</source>
        <translation>{date} に回答済み。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="209"/>
        <source>{ticked} of {items} in place</source>
        <translation>{items} 項目中 {ticked} 項目あり</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="221"/>
        <source>Saved: {ticked} of {items} items in place.</source>
        <translation>保存しました：{items} 項目中 {ticked} 項目にチェック。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="231"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="231"/>
        <source>Since the year before</source>
        <translation>前年度から</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="242"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="260"/>
        <source>{checker}: no year answered yet.</source>
        <translation>{checker}：まだどの年度も回答がありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="262"/>
        <source>{checker}: only {year} is answered; answer another year to compare.</source>
        <translation>{checker}：回答は {year} だけです。比べるには別の年度も回答してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="265"/>
        <source>{checker}: {improved} items newly in place, {worsened} no longer in place since the year before.</source>
        <translation>{checker}：前年度から {improved} 項目が新たに整い、{worsened} 項目がなくなりました。</translation>
    </message>
</context>
<context>
    <name>TownDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="41"/>
        <source>New town</source>
        <translation>町内の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="43"/>
        <source>e.g. 味真野地区</source>
        <translation>例：味真野地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="45"/>
        <source>e.g. 余川町</source>
        <translation>例：余川町</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="47"/>
        <source>District (地区)</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="48"/>
        <source>Town (町内)</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="53"/>
        <source>Which town will this map show?</source>
        <translation>この地図はどの町内ですか？</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/unlock.py" line="34"/>
        <source>District head (区長)</source>
        <translation>区長</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="35"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="36"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation>福祉推進員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="37"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation>老人家庭相談員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="38"/>
        <source>社協 staff</source>
        <translation>社協職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="39"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="48"/>
        <source>New ledger: choose a passphrase</source>
        <translation>新しい台帳：合言葉を決める</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="48"/>
        <source>Unlock the ledger</source>
        <translation>台帳のロックを解除</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="50"/>
        <source>The ledger holds personal information and is encrypted. Choose a passphrase you will remember: without it nobody, not even you, can open the ledger.</source>
        <translation>台帳には個人情報が入るため暗号化します。忘れない合言葉を決めてください。合言葉がないと、だれも（あなたも）台帳を開けません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="52"/>
        <source>Enter the passphrase of the ledger
{path}</source>
        <translation>台帳の合言葉を入れてください
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="59"/>
        <source>Your name</source>
        <translation>あなたの名前</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="67"/>
        <source>Passphrase</source>
        <translation>合言葉</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="69"/>
        <source>Once more</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="71"/>
        <source>Who is working</source>
        <translation>作業する人</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="72"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="84"/>
        <source>Please enter the passphrase.</source>
        <translation>合言葉を入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="86"/>
        <source>The two passphrases differ. Please type them again.</source>
        <translation>二つの合言葉が違います。もう一度入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="169"/>
        <source>Folder for your own ledger</source>
        <translation>自分の台帳を置くフォルダー</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="178"/>
        <source>Make my own ledger</source>
        <translation>自分の台帳を作る</translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="169"/>
        <source>Step II · Who watches over whom</source>
        <translation>ステップⅡ・誰が誰を見守るか</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="172"/>
        <source>Only those nobody watches over yet</source>
        <translation>見守り者がまだいない人だけ</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="179"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="179"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="179"/>
        <source>Involvement</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="180"/>
        <source>How often</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="186"/>
        <source>Add watcher…</source>
        <translation>見守り者を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="187"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="188"/>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="192"/>
        <source>Export record form (Excel)…</source>
        <translation>記録用紙を書き出す（Excel）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="193"/>
        <source>Import record form…</source>
        <translation>記録用紙を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="237"/>
        <source>{total} persons of concern; {gaps} with nobody watching over them yet (!)</source>
        <translation>気がかりな人 {total}人、うち見守り者がまだいない人 {gaps}人 (!)</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="241"/>
        <source>no watcher</source>
        <translation>見守り者なし</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="241"/>
        <source>{n} watchers</source>
        <translation>見守り者 {n}人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="256"/>
        <source>Choose a person of concern from the list or on the map.</source>
        <translation>一覧か地図で、気がかりな人を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="261"/>
        <source>Phone: {phone}</source>
        <translation>電話：{phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="263"/>
        <source>Concerns: {text}</source>
        <translation>気になるところ：{text}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/ui/unlock.py" line="107"/>
        <source>That passphrase does not open this ledger. Nothing was changed.</source>
        <translation>その合言葉ではこの台帳を開けません。台帳は変わっていません。</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33"/>
        <source>Sasaeai Map</source>
        <translation>支え合いマップ</translation>
    </message>
</context>
<context>
    <name>emergency</name>
    <message>
        <location filename="../../app/services/emergency_views.py" line="56"/>
        <source>No emergency contact card yet</source>
        <translation>緊急連絡カードがまだありません</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency_views.py" line="57"/>
        <source>Fewer than two emergency contacts</source>
        <translation>緊急連絡先が2人より少ない</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency_views.py" line="58"/>
        <source>An emergency contact has no phone number</source>
        <translation>電話番号のない緊急連絡先がある</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency_views.py" line="59"/>
        <source>No family doctor</source>
        <translation>かかりつけ医がない</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency_views.py" line="60"/>
        <source>No community general support centre</source>
        <translation>地域包括支援センターが決まっていない</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency_views.py" line="61"/>
        <source>No welfare commissioner in charge</source>
        <translation>担当の民生児童委員が決まっていない</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency_views.py" line="62"/>
        <source>Where the card is kept is not recorded</source>
        <translation>カードの置き場所が書かれていない</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency_views.py" line="63"/>
        <source>No review date</source>
        <translation>見直し日がない</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/services/lock.py" line="128"/>
        <source>cannot open the ledger for writing here ({detail}); is the folder read-only?</source>
        <translation>ここでは台帳に書き込めません（{detail}）。フォルダーが書き込み禁止になっていませんか？</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="304"/>
        <source>wrong passphrase, or the file is not a ledger</source>
        <translation>合言葉が違うか、台帳のファイルではありません</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="293"/>
        <source>this ledger is not encrypted yet: give a passphrase to encrypt it</source>
        <translation>この台帳はまだ暗号化されていません。暗号化のための合言葉を決めてください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="302"/>
        <source>this ledger is locked: enter its passphrase</source>
        <translation>この台帳はロックされています。合言葉を入力してください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="345"/>
        <source>wrong passphrase in {env}: it does not open this ledger, or the file is not a ledger</source>
        <translation>{env} の合言葉が違います（この台帳を開けません）。または、台帳のファイルではありません</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="106"/>
        <source>the passphrase must not contain a NUL character</source>
        <translation>合言葉に NUL 文字は使えません</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="104"/>
        <source>the passphrase must not be empty</source>
        <translation>合言葉を入力してください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="354"/>
        <source>the passphrase could not be changed</source>
        <translation>合言葉を変更できませんでした</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="263"/>
        <source>the ledger could not be encrypted; it was left as it was</source>
        <translation>台帳を暗号化できませんでした。台帳は元のままです</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="232"/>
        <source>the backup could not be written ({detail})</source>
        <translation>バックアップを書き込めませんでした（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="176"/>
        <source>could not save: the disk is full or the folder is read-only ({detail}); nothing was changed, free some space or choose another folder and try again</source>
        <translation>保存できませんでした：ディスクがいっぱいか、フォルダーが書き込み禁止です（{detail}）。何も変更されていません。空き容量を作るか別のフォルダーを選んで、もう一度お試しください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="294"/>
        <source>a new ledger needs a passphrase</source>
        <translation>新しい台帳には合言葉（パスフレーズ）が必要です</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="27"/>
        <source>no ledger at {path}</source>
        <translation>{path} に台帳がありません</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="113"/>
        <source>Agency lists are read from .csv or .xlsx files.</source>
        <translation>関係機関の一覧は .csv か .xlsx のファイルから読み込みます。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="157"/>
        <location filename="../../app/io/reference_layers.py" line="177"/>
        <location filename="../../app/io/roster.py" line="188"/>
        <source>The file is empty.</source>
        <translation>ファイルが空です。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="161"/>
        <source>No name column (センター名, 事業所名, 名称 …) in the header row.</source>
        <translation>見出しの行に名称の列（センター名、事業所名、名称 …）がありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="165"/>
        <source>Please choose what kind of agencies the list holds.</source>
        <translation>この一覧がどの種類の機関か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="280"/>
        <source>{count} rows cannot be imported; first: {problem}</source>
        <translation>{count}行を取り込めません。最初の問題：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_cards.py" line="136"/>
        <source>Print one or two cards per page.</source>
        <translation>1ページに印刷するカードは1枚か2枚にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_cards.py" line="241"/>
        <source>Save the cards as .pdf or .xlsx.</source>
        <translation>カードは .pdf か .xlsx で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_sheet.py" line="95"/>
        <source>Sort by kana or by map number.</source>
        <translation>ふりがな順か地図の番号順で並べてください。</translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_sheet.py" line="250"/>
        <source>Save the sheet as .xlsx or .pdf.</source>
        <translation>緊急連絡表は .xlsx か .pdf で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/io/pdf_fonts.py" line="40"/>
        <source>The font file {path} does not exist.</source>
        <translation>フォントのファイル {path} がありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/pdf_fonts.py" line="45"/>
        <source>No Japanese font found for the PDF. Install IPAex Gothic (fonts-ipaexfont-gothic) or set SASAEAI_PDF_FONT to a .ttf file.</source>
        <translation>PDFに使う日本語フォントが見つかりません。IPAexゴシック（fonts-ipaexfont-gothic）を入れるか、SASAEAI_PDF_FONT に .ttf ファイルを指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="97"/>
        <location filename="../../app/io/sheets.py" line="32"/>
        <source>Cannot read the file: {reason}</source>
        <translation>ファイルを読み込めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="104"/>
        <source>The file is neither UTF-8 nor Shift_JIS text.</source>
        <translation>このファイルは UTF-8 でも Shift_JIS でもありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="181"/>
        <source>No name column (name, 名称, 施設名 …) in the header row.</source>
        <translation>見出しの行に名称の列（name、名称、施設名 …）がありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="220"/>
        <source>Not valid GeoJSON: {reason} (line {line})</source>
        <translation>正しい GeoJSON ではありません：{reason}（{line}行目）</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="224"/>
        <source>Not a GeoJSON FeatureCollection.</source>
        <translation>GeoJSON の FeatureCollection ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="275"/>
        <source>Please choose what the file holds (shelters, community halls or clinics).</source>
        <translation>ファイルの中身を選んでください（避難所、公民館、診療所）。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="284"/>
        <source>Reference layers are read from .csv or .geojson files.</source>
        <translation>参考情報は .csv か .geojson のファイルから読み込みます。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="155"/>
        <source>The text encoding of this CSV file is unknown.</source>
        <translation>このCSVファイルの文字コードがわかりません。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="239"/>
        <source>Sheet {sheet}: no 氏名 (name) column was found in the header row {row}; choose the columns by hand.</source>
        <translation>シート「{sheet}」：見出しの行（{row}行目）に「氏名」の列がありません。列を手で選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="258"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="271"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is not a date (e.g. 昭和15年3月2日 or 1940/3/2).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：「{text}」は日付ではありません（例：昭和15年3月2日、1940/3/2）。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="36"/>
        <source>The workbook is password-protected or in the old .xls format. Remove the password or save it as .xlsx, then import again.</source>
        <translation>このブックはパスワードで保護されているか、古い .xls 形式です。パスワードを外すか .xlsx 形式で保存してから、もう一度取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="41"/>
        <source>This is not an Excel workbook (.xlsx).</source>
        <translation>Excelのブック（.xlsx）ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="45"/>
        <source>The workbook cannot be read: {reason}</source>
        <translation>ブックを読み込めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/io/workbook_guard.py" line="38"/>
        <source>The workbook cannot be opened safely: its part {part} would unpack to {size} MB ({ratio}× its packed size). A real workbook stays under {limit} MB and {max_ratio}×; the file is damaged or was made to harm.</source>
        <translation>ブックを安全に開けません。部品 {part} は展開すると {size} MB（圧縮時の {ratio} 倍）になります。実際のブックは {limit} MB・{max_ratio} 倍までに収まります。ファイルが壊れているか、害を与える目的で作られています。</translation>
    </message>
    <message>
        <location filename="../../app/io/workbook_guard.py" line="89"/>
        <source>Sheet {sheet}, row {row}: the sheet cannot be read ({reason}).</source>
        <translation>シート「{sheet}」{row}行目：シートを読み込めません（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/io/workbook_guard.py" line="94"/>
        <source>Sheet {sheet} has more than {limit} rows. Delete what lies below the list (even empty-looking rows) and import again.</source>
        <translation>シート「{sheet}」が {limit} 行を超えています。一覧より下にあるもの（空に見える行も）を削除して、もう一度取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/workbook_guard.py" line="109"/>
        <source>The file is {size} MB; at most {limit} MB can be imported.</source>
        <translation>ファイルの大きさが {size} MB あります。取り込めるのは {limit} MB までです。</translation>
    </message>
    <message>
        <location filename="../../app/io/workbook_guard.py" line="122"/>
        <source>Line {line}: the file cannot be read as CSV ({reason}).</source>
        <translation>{line}行目：CSV として読み込めません（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/io/workbook_guard.py" line="129"/>
        <source>The workbook has no worksheet.</source>
        <translation>ブックにワークシートがありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="69"/>
        <source>Sheet {sheet}, row {row}, cell {cell} holds a formula; type the value itself instead.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}に数式が入っています。数式ではなく、値そのものを入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="87"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the {what} is {length} characters long (at most {limit}).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：{what}が長すぎます（{length}文字、最大{limit}文字）。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="186"/>
        <source>Not one of the choices for this row.</source>
        <translation>この行の選択肢にありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="328"/>
        <source>No sheet holds a 見守りネットワーク記録用紙 (a header row with 「氏名」 and 「関わり方」). Sheets in the file: {sheets}</source>
        <translation>見守りネットワーク記録用紙（「氏名」と「関わり方」の見出しの行）のあるシートがありません。ファイルのシート：{sheets}</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="354"/>
        <source>Sheet {sheet}: the town name (町名) is missing.</source>
        <translation>シート「{sheet}」：町名がありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="360"/>
        <location filename="../../app/io/watch_form.py" line="683"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: {reason}</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="425"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: this watcher is above the first person of concern (氏名).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：この見守り者は、最初の気がかりな人（氏名）より上に書かれています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="440"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) of this person of concern is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：この気がかりな人の氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="445"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the watcher&apos;s name (氏名) is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：見守り者の氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/services/addresses.py" line="60"/>
        <source>Not a usable address reference table: {reason}</source>
        <translation>住所の参照表として使えません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/basemaps.py" line="31"/>
        <location filename="../../app/services/emergency.py" line="479"/>
        <location filename="../../app/services/households.py" line="164"/>
        <location filename="../../app/services/meetings.py" line="171"/>
        <location filename="../../app/services/meetings.py" line="436"/>
        <location filename="../../app/services/places.py" line="52"/>
        <location filename="../../app/services/towns.py" line="71"/>
        <location filename="../../app/services/watch.py" line="209"/>
        <source>This town is no longer in the ledger.</source>
        <translation>この町内は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="46"/>
        <location filename="../../app/services/meetings.py" line="82"/>
        <location filename="../../app/services/towns.py" line="18"/>
        <location filename="../../app/services/watch.py" line="42"/>
        <source>Please enter a name.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="49"/>
        <location filename="../../app/services/households.py" line="128"/>
        <location filename="../../app/services/meetings.py" line="84"/>
        <location filename="../../app/services/selfcheck.py" line="125"/>
        <location filename="../../app/services/towns.py" line="20"/>
        <location filename="../../app/services/watch.py" line="45"/>
        <source>Too long: {length} characters (at most {limit}).</source>
        <translation>長すぎます：{length}文字（最大{limit}文字）。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="59"/>
        <source>Unknown kind of agency: {kind}</source>
        <translation>機関の種類がわかりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="67"/>
        <location filename="../../app/services/households.py" line="93"/>
        <source>Latitude {lat} / longitude {lon} is not on Earth.</source>
        <translation>緯度 {lat}／経度 {lon} は地球上の位置ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="84"/>
        <location filename="../../app/services/emergency.py" line="308"/>
        <source>This agency is no longer in the directory.</source>
        <translation>この機関は一覧にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="186"/>
        <location filename="../../app/services/meetings.py" line="241"/>
        <location filename="../../app/services/meetings.py" line="374"/>
        <source>This person is no longer in the ledger.</source>
        <translation>この人は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="325"/>
        <source>The review date is before the date the card was made.</source>
        <translation>見直しの日が、カードを作った日より前になっています。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="407"/>
        <location filename="../../app/services/emergency.py" line="416"/>
        <source>This person has no emergency contact card.</source>
        <translation>この人の緊急連絡カードはありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="577"/>
        <location filename="../../app/services/households.py" line="84"/>
        <source>This household is no longer in the ledger.</source>
        <translation>この世帯は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="50"/>
        <source>Unknown household category: {code}</source>
        <translation>世帯の区分がわかりません：{code}</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="90"/>
        <source>The position is not a number.</source>
        <translation>位置が数値ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="248"/>
        <source>A member needs a name.</source>
        <translation>世帯員の氏名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="280"/>
        <location filename="../../app/services/watch.py" line="185"/>
        <source>This member is no longer in the ledger.</source>
        <translation>この世帯員は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/services/ledger_kind.py" line="38"/>
        <location filename="../../app/ui/unlock.py" line="174"/>
        <source>this folder already holds a ledger; choose another folder</source>
        <translation>このフォルダーにはすでに台帳があります。別のフォルダーを選んでください</translation>
    </message>
    <message>
        <location filename="../../app/services/places.py" line="32"/>
        <source>A gathering place needs a name.</source>
        <translation>たまり場の名称を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/places.py" line="36"/>
        <source>Unknown kind of place: {kind}</source>
        <translation>場所の種類がわかりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/services/places.py" line="45"/>
        <source>This gathering place is no longer in the ledger.</source>
        <translation>このたまり場は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/towns.py" line="37"/>
        <source>{district} already has a town called {town}.</source>
        <translation>{district}には「{town}」という町内がすでにあります。</translation>
    </message>
    <message>
        <location filename="../../app/services/towns.py" line="83"/>
        <source>No town called {name} in this ledger.</source>
        <translation>この台帳に「{name}」という町内はありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/towns.py" line="85"/>
        <source>Several towns are called {name}; add the district name.</source>
        <translation>「{name}」という町内が複数あります。地区名も付けてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="57"/>
        <source>Unknown watcher role: {role}</source>
        <translation>見守り者の立場がわかりません：{role}</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="67"/>
        <source>Unknown frequency: {frequency}</source>
        <translation>頻度がわかりません：{frequency}</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="178"/>
        <source>This watcher is no longer in the ledger.</source>
        <translation>この見守り者は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="199"/>
        <source>The watcher&apos;s household is not on this town&apos;s map.</source>
        <translation>見守り者の世帯が、この町内の地図にありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="256"/>
        <source>This watch link is no longer in the ledger.</source>
        <translation>この見守りの関係は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="91"/>
        <source>Please enter a date.</source>
        <translation>日付を入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="93"/>
        <location filename="../../app/services/selfcheck.py" line="153"/>
        <source>The date {date} is in the future.</source>
        <translation>日付 {date} は未来の日付です。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="102"/>
        <source>Unknown kind of meeting: {kind}</source>
        <translation>会議の種類が分かりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="110"/>
        <source>Unknown role: {role}</source>
        <translation>立場が分かりません：{role}</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="117"/>
        <source>Unknown review outcome: {outcome}</source>
        <translation>見直しの結果が分かりません：{outcome}</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="147"/>
        <source>This meeting is no longer in the ledger.</source>
        <translation>この会議は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="156"/>
        <source>Too many attendees: {count} (at most {limit}).</source>
        <translation>出席者が多すぎます：{count}人（{limit}人まで）。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="259"/>
        <source>This meeting is of another town.</source>
        <translation>この会議はほかの町内のものです。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="268"/>
        <source>{name} is archived: restore them before a review.</source>
        <translation>{name}さんは保管済みです。見直しの前に元に戻してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="271"/>
        <location filename="../../app/services/watch.py" line="280"/>
        <source>{name} is not marked as a person of concern.</source>
        <translation>{name} さんは気がかりな人になっていません。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="290"/>
        <source>This review is no longer in the ledger.</source>
        <translation>この見直しの記録は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/meetings.py" line="376"/>
        <source>{name}&apos;s household is off the map: restore the household first.</source>
        <translation>{name}さんの世帯は地図から外されています。先に世帯を元に戻してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="284"/>
        <source>{watcher} is a watcher of another town.</source>
        <translation>{watcher} さんは別の町内の見守り者です。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="291"/>
        <source>{watcher} already watches over {name}.</source>
        <translation>{watcher} さんは、すでに {name} さんを見守っています。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="91"/>
        <source>The map did not finish loading for printing.</source>
        <translation>印刷用の地図の読み込みが終わりませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="176"/>
        <source>The printed map is saved as .pdf or .png, not {suffix}.</source>
        <translation>印刷用の地図は .pdf か .png で保存します（{suffix} では保存できません）。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="179"/>
        <source>Paper must be A4 or A3.</source>
        <translation>用紙はA4かA3にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="197"/>
        <source>Could not write the file.</source>
        <translation>ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/services/audit.py" line="152"/>
        <location filename="../../app/services/privacy.py" line="143"/>
        <source>this person is not in the ledger</source>
        <translation>この人は台帳にいません</translation>
    </message>
    <message>
        <location filename="../../app/services/audit.py" line="168"/>
        <source>{name} is already archived</source>
        <translation>{name} さんはすでに一覧から外れています（記録は残っています）</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="84"/>
        <source>a backup cannot overwrite the ledger itself</source>
        <translation>バックアップで台帳そのものを上書きすることはできません</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="94"/>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="96"/>
        <source>this file does not open with the passphrase: wrong passphrase, or not a ledger backup</source>
        <translation>この合言葉ではファイルが開けません。合言葉が違うか、台帳のバックアップではありません</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="100"/>
        <source>this backup is damaged ({detail})</source>
        <translation>このバックアップは壊れています（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="110"/>
        <source>this file is not a ledger backup</source>
        <translation>このファイルは台帳のバックアップではありません</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="125"/>
        <source>the current ledger does not open with this passphrase; nothing was restored</source>
        <translation>この合言葉では今の台帳が開けません。何も復元していません</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="132"/>
        <source>the ledger is still open (or was not closed cleanly); close the app and try again</source>
        <translation>台帳がまだ開いています（または正しく閉じられていません）。アプリを閉じてから、もう一度お試しください</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="157"/>
        <source>this is not an unencrypted copy of the ledger</source>
        <translation>これは台帳の暗号化されていない控えではありません</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="173"/>
        <source>the ledger holds fewer {table} rows than the unencrypted copy; the copy was kept</source>
        <translation>台帳の {table} の行が控えより少ないため、控えは残しました</translation>
    </message>
    <message>
        <location filename="../../app/services/lock.py" line="116"/>
        <source>this ledger is already open in another copy of the app (process {pid} on {host}); close that one first</source>
        <translation>この台帳は、別に起動しているアプリで開かれています（{host} のプロセス {pid}）。先にそちらを閉じてください</translation>
    </message>
    <message>
        <location filename="../../app/services/privacy.py" line="156"/>
        <source>consent must be yes, no or unknown</source>
        <translation>同意は「あり」「なし」「不明」のどれかにしてください</translation>
    </message>
    <message>
        <location filename="../../app/services/privacy.py" line="159"/>
        <source>the consent date is in the future</source>
        <translation>同意の日付が未来になっています</translation>
    </message>
    <message>
        <location filename="../../app/services/overview.py" line="112"/>
        <source>This district is no longer in the ledger.</source>
        <translation>この地区は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/selfcheck.py" line="105"/>
        <source>Unknown kind of checker: {kind}</source>
        <translation>チェックする人の種類が分かりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/services/selfcheck.py" line="111"/>
        <source>The year must be between {first} and {last}.</source>
        <translation>年度は {first} から {last} の間にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/selfcheck.py" line="118"/>
        <source>Unknown check list item: {item}</source>
        <translation>チェック表の項目が分かりません：{item}</translation>
    </message>
    <message>
        <location filename="../../app/services/masking.py" line="51"/>
        <source>Unknown audience {audience}: use staff, watchers, agencies or community.</source>
        <translation>配布先 {audience} は使えません：staff（職員）、watchers（見守り者・民生委員）、agencies（関係機関）、community（地域）のいずれかです。</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_core.py" line="69"/>
        <source>{entity} is not a table that syncs</source>
        <translation>{entity} は同期する表ではありません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="52"/>
        <source>the server address must start with postgresql://</source>
        <translation>サーバーのアドレスは postgresql:// で始めてください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="71"/>
        <source>could not reach the office server ({detail}); nothing was changed</source>
        <translation>事務所のサーバーにつながりませんでした（{detail}）。何も変更していません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="193"/>
        <source>a laptop needs a name of 1 to 100 characters</source>
        <translation>パソコンの名前は1〜100文字で付けてください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="195"/>
        <source>the name {name} is the server&apos;s own</source>
        <translation>{name} はサーバー自身の名前なので使えません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="209"/>
        <source>name at least one district (or * for all)</source>
        <translation>地区を1つ以上指定してください（すべてなら *）</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="215"/>
        <source>a laptop called {name} is already registered</source>
        <translation>{name} という名前のパソコンはもう登録されています</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="266"/>
        <source>this login is not registered as a laptop on the server; ask the office to register it</source>
        <translation>このログインはサーバーにパソコンとして登録されていません。事務所に登録を頼んでください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_server.py" line="277"/>
        <source>no laptop called {name} is registered on the server</source>
        <translation>{name} という名前のパソコンはサーバーに登録されていません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="574"/>
        <source>this ledger syncs as laptop {mine}, not as {other}</source>
        <translation>この台帳はパソコン {mine} として同期しています。{other} としては同期できません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="591"/>
        <source>this laptop has not synced yet: give the office server&apos;s address</source>
        <translation>このパソコンはまだ同期していません。事務所のサーバーのアドレスを指定してください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="607"/>
        <source>other laptops kept sending changes to the same records; sync again</source>
        <translation>他のパソコンが同じ記録を続けて変更しました。もう一度同期してください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="693"/>
        <source>choose mine or theirs, not {choice}</source>
        <translation>{choice} ではなく、mine（こちら）か theirs（相手）を選んでください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="697"/>
        <source>no such conflict</source>
        <translation>その食い違いはありません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="699"/>
        <source>this conflict was already resolved</source>
        <translation>この食い違いはもう解決済みです</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="754"/>
        <source>a sync package needs a passphrase</source>
        <translation>同期パッケージにはパスフレーズが必要です</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="780"/>
        <source>no sync package at this path</source>
        <translation>この場所に同期パッケージがありません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="790"/>
        <source>wrong passphrase, or the file is not a sync package</source>
        <translation>パスフレーズが違うか、同期パッケージではないファイルです</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="793"/>
        <source>the file is not a sync package</source>
        <translation>同期パッケージではないファイルです</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="805"/>
        <source>this laptop is not registered yet: import the package the office made for it first</source>
        <translation>このパソコンはまだ登録されていません。先に事務所が作ったパッケージを取り込んでください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="834"/>
        <source>this package was made by the office, not by a laptop</source>
        <translation>このパッケージはパソコンではなく事務所が作ったものです</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="877"/>
        <source>this package was made by a laptop: import it at the office</source>
        <translation>このパッケージはパソコンが作ったものです。事務所で取り込んでください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="884"/>
        <source>this package answers another ledger&apos;s package</source>
        <translation>このパッケージは別の台帳のパッケージへの返事です</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="897"/>
        <source>this package is not signed with the key of laptop {name}: it was changed after it was made, or another laptop made it; nothing was applied</source>
        <translation>このパッケージはパソコン {name} の鍵で署名されていません。作成後に書き換えられたか、別のパソコンが作ったものです。何も反映していません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="902"/>
        <source>this package changes records of districts laptop {name} is not registered for; nothing was applied</source>
        <translation>このパッケージには、パソコン {name} が登録されていない地区の記録への変更が含まれています。何も反映していません</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="951"/>
        <source>this laptop has no package key and the package does not bring one: ask the office for a new package key for this laptop</source>
        <translation>このパソコンにはパッケージの鍵がなく、このパッケージにも含まれていません。事務局にこのパソコンの新しいパッケージ鍵を作ってもらってください</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="957"/>
        <source>this package is not signed with this laptop&apos;s key: it was changed after the office made it, or it was not made for this laptop; nothing was applied</source>
        <translation>このパッケージはこのパソコンの鍵で署名されていません。事務局が作成した後に書き換えられたか、このパソコン宛てのものではありません。何も反映していません</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="240"/>
        <source>a sync package needs a passphrase: set {env}</source>
        <translation>同期パッケージにはパスフレーズが必要です。{env} を設定してください</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="300"/>
        <source>name the laptop the package is for</source>
        <translation>パッケージを渡すパソコンの名前を指定してください</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="319"/>
        <source>give the reply package&apos;s file name</source>
        <translation>返事のパッケージのファイル名を指定してください</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="162"/>
        <source>Sasaeai Map is not allowed to read 「{name}」.</source>
        <translation>支え合いマップには「{name}」を読む権限がありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="286"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: it cannot be opened ({reason}). Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。開けません（{reason}）。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="296"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: its contents cannot be read ({reason}). Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。中身を読めません（{reason}）。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="272"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: only about {percent}% of it is there (it may not have finished copying). Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。全体の約 {percent}% しかありません（コピーが終わっていないのかもしれません）。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="254"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: the file stops right after it begins. Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。ファイルが始まってすぐに終わっています。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="260"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: the start of the file is scrambled. Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。ファイルの先頭が壊れています。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="138"/>
        <source>The picture 「{name}」 is damaged or incomplete and cannot be shown. Please copy it again, or open it in a picture program and save it again.</source>
        <translation>画像「{name}」は壊れているか、途中までしかないため表示できません。もう一度コピーするか、画像ソフトで開いて保存し直してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="227"/>
        <source>The picture 「{name}」 is too large (too many pixels). Pictures can be at most {limit} pixels wide and {limit} pixels high; please make it smaller and try again.</source>
        <translation>画像「{name}」は大きすぎます（画素数が多すぎます）。画像は幅 {limit} 画素、高さ {limit} 画素までです。小さくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="205"/>
        <source>The picture 「{name}」 is too large ({width} × {height} pixels). Pictures can be at most {limit} pixels wide and {limit} pixels high; please make it smaller and try again.</source>
        <translation>画像「{name}」は大きすぎます（{width} × {height} 画素）。画像は幅 {limit} 画素、高さ {limit} 画素までです。小さくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="448"/>
        <source>「{name}」 contains no map tiles, so there is nothing to show. It may have been exported incompletely; please make it again.</source>
        <translation>「{name}」には地図タイルが入っていないため、表示するものがありません。書き出しが途中で終わったのかもしれません。もう一度作ってください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="158"/>
        <source>「{name}」 could not be found. It may have been moved, renamed or deleted.</source>
        <translation>「{name}」が見つかりません。移動されたか、名前が変わったか、削除されたのかもしれません。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="145"/>
        <source>「{name}」 could not be read ({reason}).</source>
        <translation>「{name}」を読めませんでした（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="354"/>
        <source>「{name}」 holds map tiles in a form Sasaeai Map cannot show; it needs raster tiles (PNG or JPEG).</source>
        <translation>「{name}」の地図タイルは、支え合いマップで表示できない形式です。ラスタータイル（PNG または JPEG）が必要です。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="130"/>
        <source>「{name}」 holds vector (PBF) tiles; Sasaeai Map needs raster tiles (PNG or JPEG). Please ask for a version of the map made of PNG or JPEG tiles.</source>
        <translation>「{name}」はベクトル（PBF）タイルの地図です。支え合いマップにはラスタータイル（PNG または JPEG）が必要です。PNG または JPEG のタイルで作った地図を用意してもらってください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="312"/>
        <source>「{name}」 is a database file but not an MBTiles map: it has no “{table}” table. Please choose a map file made for map tiles.</source>
        <translation>「{name}」はデータベースのファイルですが、MBTiles の地図ではありません（「{table}」テーブルがありません）。地図タイル用に作られた地図ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="166"/>
        <source>「{name}」 is a folder, not a file.</source>
        <translation>「{name}」はフォルダーです。ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="198"/>
        <source>「{name}」 is a kind of picture Sasaeai Map cannot use: it can only use PNG or JPEG pictures. Please save it as PNG or JPEG and try again.</source>
        <translation>「{name}」は支え合いマップで使えない種類の画像です。使えるのは PNG または JPEG の画像だけです。PNG または JPEG で保存し直してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="192"/>
        <source>「{name}」 is a {format} picture; Sasaeai Map can only use PNG or JPEG pictures. Please save it as PNG or JPEG and try again.</source>
        <translation>「{name}」は {format} 形式の画像です。支え合いマップで使えるのは PNG または JPEG の画像だけです。PNG または JPEG で保存し直してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="169"/>
        <source>「{name}」 is empty (it contains no data). It may not have finished copying; please copy it again.</source>
        <translation>「{name}」は空です（データが入っていません）。コピーが終わっていないのかもしれません。もう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="221"/>
        <source>「{name}」 is not a picture (PNG or JPEG). Please choose a PNG or JPEG picture of the town map.</source>
        <translation>「{name}」は画像（PNG または JPEG）ではありません。町内地図の PNG または JPEG 画像を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemap_files.py" line="122"/>
        <source>「{name}」 is not an MBTiles map file. Please choose a map file whose name ends in .mbtiles.</source>
        <translation>「{name}」は MBTiles の地図ファイルではありません。名前が .mbtiles で終わる地図ファイルを選んでください。</translation>
    </message>
</context>
<context>
    <name>frequency</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="58"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="59"/>
        <source>Daily</source>
        <translation>毎日</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="60"/>
        <source>Weekly</source>
        <translation>週1回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="61"/>
        <source>Twice a month</source>
        <translation>月2回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="62"/>
        <source>Monthly</source>
        <translation>月1回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="63"/>
        <source>When needed</source>
        <translation>必要なとき</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../app/io/agencies.py" line="186"/>
        <source>No name.</source>
        <translation>名称がありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="192"/>
        <source>「{phone}」 is not a complete phone number (area code?): kept as written.</source>
        <translation>「{phone}」は電話番号として足りません（市外局番？）。書かれたとおりに残します。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="202"/>
        <source>The position is not a number: left out.</source>
        <translation>位置が数値ではありません。位置は入れません。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="205"/>
        <source>{lat}, {lon} is outside Japan: the position is left out.</source>
        <translation>{lat}, {lon} は日本の外です。位置は入れません。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="219"/>
        <source>Same office ({number}) as row {first}: merged into one entry.</source>
        <translation>{first}行目と同じ事業所（{number}）です。1件にまとめます。</translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="251"/>
        <source>The position is {km:.0f} km from the other offices in the list (geocoded to the wrong place?): left out.</source>
        <translation>位置が一覧のほかの事業所から {km:.0f} km 離れています（住所から違う場所になった？）。位置は入れません。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="130"/>
        <source>地区 「{old}」 has 「地区」 twice; stored as 「{new}」.</source>
        <translation>地区「{old}」に「地区」が2回あります。「{new}」として保存します。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="140"/>
        <source>No {column}: imported without a position.</source>
        <translation>{column}がありません。位置なしで取り込みます。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="147"/>
        <source>「{value}」 is not a number: imported without a position.</source>
        <translation>「{value}」は数値ではありません。位置なしで取り込みます。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="158"/>
        <source>{column} {value} is outside Japan ({low}–{high}): imported without a position; correct it by hand.</source>
        <translation>{column} {value} は日本の範囲外です（{low}–{high}）。位置なしで取り込みます。手で直してください。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="185"/>
        <source>No latitude/longitude columns: features have no position.</source>
        <translation>緯度・経度の列がありません。位置なしになります。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="193"/>
        <source>{count} values for {expected} columns; the missing ones are left empty.</source>
        <translation>{expected}列に対して値が{count}個です。足りない分は空欄にします。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="204"/>
        <source>No name: row not imported.</source>
        <translation>名称がありません。この行は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="232"/>
        <source>No name: feature not imported.</source>
        <translation>名称がありません。取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="240"/>
        <source>Not a point: imported without a position.</source>
        <translation>点ではありません。位置なしで取り込みます。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="260"/>
        <source>Repeats row {first} (same name, address and position): kept once.</source>
        <translation>{first}行目と同じです（名称・住所・位置が同じ）。1件だけ残します。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="290"/>
        <source>No credit line given: add the data&apos;s source before showing it to others.</source>
        <translation>出典が書かれていません。ほかの人に見せる前に、データの出典を加えてください。</translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="295"/>
        <source>{count} rows write 地区 as 「○○地区」; stored as 「○○」 like the other files.</source>
        <translation>{count}行で地区が「○○地区」と書かれています。ほかのファイルと同じく「○○」として保存します。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="503"/>
        <location filename="../../app/io/watch_form.py" line="553"/>
        <source>Several members have this name and address.</source>
        <translation>この氏名と住所の世帯員が複数います。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="506"/>
        <source>A member with this name and birth date lives at another address.</source>
        <translation>同じ氏名・生年月日の世帯員が、別の住所にいます。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="508"/>
        <source>This person is in the roster twice.</source>
        <translation>この人は名簿に2回出ています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="503"/>
        <source>This person was printed anonymously and is no longer in the ledger; the row cannot be imported.</source>
        <translation>この人は匿名で印刷され、今は台帳にいません。この行は取り込めません。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="557"/>
        <source>A person of concern has this name but another address.</source>
        <translation>同じ氏名で住所の違う気がかりな人がいます。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="560"/>
        <source>This person is on the form twice.</source>
        <translation>この人は記録用紙に2回出ています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="630"/>
        <source>The watcher was erased from the form.</source>
        <translation>この見守り者は記録用紙から消されています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="638"/>
        <source>This watcher is listed twice for the same person.</source>
        <translation>同じ人に、この見守り者が2回書かれています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="666"/>
        <source>Several watchers of the town have this name.</source>
        <translation>町内にこの氏名の見守り者が複数います。</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="37"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="37"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="37"/>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="38"/>
        <source>Decide</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="44"/>
        <source>added {added}, updated {updated}, unchanged {unchanged}, needs a decision {decision}</source>
        <translation>追加 {added} 件、更新 {updated} 件、変更なし {unchanged} 件、要確認 {decision} 件</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="562"/>
        <source>The hidden key of this row belongs to a person of another town (a block copied from another town&apos;s form?): choose who this row is.</source>
        <translation>この行の隠しキーは別の町内の人のものです（別の町内の用紙からコピーしましたか）。この行が誰か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="560"/>
        <source>The hidden key of this row belongs to a person who was archived: choose who this row is.</source>
        <translation>この行の隠しキーは一覧から外された（記録を保管中の）人のものです。この行が誰か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="557"/>
        <source>The hidden key of this row belongs to no one in the ledger (a form from another ledger?): choose who this row is.</source>
        <translation>この行の隠しキーは台帳のどの人のものでもありません（別の台帳の用紙ですか）。この行が誰か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="551"/>
        <source>The hidden key of this row is on another row of the form too (a copied block?): choose who this row is.</source>
        <translation>この行の隠しキーが用紙の別の行にもあります（ブロックをコピーしましたか）。この行が誰か選んでください。</translation>
    </message>
</context>
<context>
    <name>meeting</name>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="45"/>
        <source>No change</source>
        <translation>変わりなし</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="46"/>
        <source>Things have changed</source>
        <translation>状況に変化あり</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="47"/>
        <source>In hospital</source>
        <translation>入院中</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="48"/>
        <source>Moved away</source>
        <translation>転出</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="49"/>
        <source>Entered a facility</source>
        <translation>施設入所</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="50"/>
        <source>Passed away</source>
        <translation>逝去</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="57"/>
        <source>Household</source>
        <translation>世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="58"/>
        <source>Person</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="59"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="60"/>
        <source>Emergency card</source>
        <translation>緊急連絡カード</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="63"/>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="64"/>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="65"/>
        <location filename="../../app/ui/meeting_panel.py" line="88"/>
        <source>ended / archived</source>
        <translation>終了・記録保管</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="66"/>
        <source>restored</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="74"/>
        <source>name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="75"/>
        <source>kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="76"/>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="77"/>
        <source>birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="78"/>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="79"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="80"/>
        <source>person of concern</source>
        <translation>気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="81"/>
        <source>health and concerns</source>
        <translation>健康状態・気がかりなこと</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="82"/>
        <source>map number</source>
        <translation>地図番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="83"/>
        <location filename="../../app/ui/meeting_panel.py" line="84"/>
        <source>position</source>
        <translation>地図上の位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="85"/>
        <source>involvement</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="86"/>
        <source>frequency</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="87"/>
        <source>consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="95"/>
        <source>District head (区長)</source>
        <translation>区長</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="96"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="97"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation>福祉推進員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="98"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation>老人家庭相談員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="99"/>
        <source>Group leader</source>
        <translation>町内の団体長</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="100"/>
        <source>Resident</source>
        <translation>住民</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="101"/>
        <source>社協 staff</source>
        <translation>社協職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="102"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>meetings</name>
    <message>
        <location filename="../../app/services/meeting_views.py" line="38"/>
        <source>No change</source>
        <translation>変わりなし</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="39"/>
        <source>Circumstances have changed</source>
        <translation>状況が変わった</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="40"/>
        <source>Has moved away</source>
        <translation>転出した</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="41"/>
        <source>Has moved into a care facility</source>
        <translation>施設に入所した</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="42"/>
        <source>In hospital</source>
        <translation>入院中</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="43"/>
        <source>Has passed away</source>
        <translation>亡くなった</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="164"/>
        <source>Never reviewed at a liaison meeting</source>
        <translation>福祉連絡会でまだ一度も見直していません</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="165"/>
        <source>Not reviewed in the last 12 months</source>
        <translation>この12か月、見直していません</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="166"/>
        <source>The emergency card is past its review date</source>
        <translation>緊急連絡カードの見直し日が過ぎています</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="167"/>
        <source>Nobody watches over this person yet</source>
        <translation>見守り者がまだいません</translation>
    </message>
    <message>
        <location filename="../../app/services/meeting_views.py" line="168"/>
        <source>No emergency contact card yet</source>
        <translation>緊急連絡カードがまだありません</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <location filename="../../app/services/overview.py" line="82"/>
        <source>Households</source>
        <translation>世帯数</translation>
    </message>
    <message>
        <location filename="../../app/services/overview.py" line="83"/>
        <source>Persons of concern</source>
        <translation>気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/services/overview.py" line="84"/>
        <source>Watched</source>
        <translation>見守りあり</translation>
    </message>
    <message>
        <location filename="../../app/services/overview.py" line="85"/>
        <source>Not watched</source>
        <translation>見守りなし</translation>
    </message>
    <message>
        <location filename="../../app/services/overview.py" line="86"/>
        <source>Emergency cards made</source>
        <translation>緊急連絡カード作成</translation>
    </message>
    <message>
        <location filename="../../app/services/overview.py" line="87"/>
        <source>Reviewed in the last 12 months</source>
        <translation>12か月以内に見直し済み</translation>
    </message>
    <message>
        <location filename="../../app/services/overview.py" line="88"/>
        <source>Review due</source>
        <translation>見直しが必要</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location filename="../../app/maps/printing.py" line="127"/>
        <source>Made on {day}</source>
        <translation>作成日：{day}</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="161"/>
        <source>Scale: as on the town map</source>
        <translation>縮尺：町内地図のとおり</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="164"/>
        <source>Households are shown by map number only (no names). The numbers are those of the watch-network form and the emergency contact sheet. Handle with care.</source>
        <translation>世帯は地図番号だけで示しています（氏名なし）。番号は見守りネットワーク記録用紙・緊急連絡表と同じです。取り扱いに注意してください。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="182"/>
        <source>Mutual-support welfare map  {district} {town}</source>
        <translation>支え合い福祉マップ  {district} {town}</translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="37"/>
        <source>Watchers and the welfare commissioner (民生児童委員)</source>
        <translation>見守り者と民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="38"/>
        <source>Community members (区長, 福祉推進員, residents)</source>
        <translation>地域の人（区長・福祉推進員・住民）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="39"/>
        <source>Agencies (地域包括支援センター, care managers, city office)</source>
        <translation>関係機関（地域包括支援センター・ケアマネジャー・市役所）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="40"/>
        <source>Council staff only: every name, whatever the consent</source>
        <translation>社協職員用：同意の有無を問わず全員の氏名</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="46"/>
        <source>District head (区長)</source>
        <translation>区長</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="47"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="48"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation>福祉推進員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="49"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation>老人家庭相談員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="50"/>
        <source>Neighbour</source>
        <translation>近所の人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="51"/>
        <source>Relative</source>
        <translation>親族</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="52"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="29"/>
        <source>Name (氏名)</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="29"/>
        <source>Reading (フリガナ)</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="29"/>
        <source>Address (住所)</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="30"/>
        <source>Phone (電話)</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="30"/>
        <source>Birth date (生年月日)</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="31"/>
        <source>Household kind (世帯区分)</source>
        <translation>世帯区分</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="31"/>
        <source>Concerns (気になるところ)</source>
        <translation>気になるところ</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="32"/>
        <source>Watchers (見守り者)</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="32"/>
        <source>Of concern (気がかり)</source>
        <translation>気がかり</translation>
    </message>
</context>
<context>
    <name>selfcheck</name>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="52"/>
        <source>Municipal staff (自治体職員)</source>
        <translation>自治体職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="53"/>
        <source>Council staff (社協職員)</source>
        <translation>社協職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="54"/>
        <source>Other welfare worker (その他福祉関係者)</source>
        <translation>その他福祉関係者</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="55"/>
        <source>Resident (一般住民)</source>
        <translation>一般住民</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="61"/>
        <source>FY{year} ({wareki})</source>
        <translation>{year}年度（{wareki}年度）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="66"/>
        <source>↑ now in place</source>
        <translation>↑ 新たに整った</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="67"/>
        <source>↓ no longer in place</source>
        <translation>↓ なくなった</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="68"/>
        <source>same</source>
        <translation>変わらず</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../app/services/sync.py" line="57"/>
        <source>Connecting to the office server</source>
        <translation>事務所のサーバーに接続しています</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="58"/>
        <source>Receiving changes from other laptops</source>
        <translation>他のパソコンの変更を受け取っています</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="59"/>
        <source>Applying received changes</source>
        <translation>受け取った変更を反映しています</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="60"/>
        <source>Sending this laptop&apos;s changes</source>
        <translation>このパソコンの変更を送っています</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="61"/>
        <source>Saving on the office server</source>
        <translation>事務所のサーバーに保存しています</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="62"/>
        <source>Saved on the office server</source>
        <translation>事務所のサーバーに保存しました</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="63"/>
        <source>Sync finished</source>
        <translation>同期が終わりました</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="66"/>
        <source>Changed here and on another laptop</source>
        <translation>このパソコンと他のパソコンで変更されました</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="67"/>
        <source>Archived on another laptop, changed here</source>
        <translation>他のパソコンで削除（保管）され、このパソコンで変更されました</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="68"/>
        <source>Changed on another laptop, archived here</source>
        <translation>他のパソコンで変更され、このパソコンで削除（保管）されました</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="69"/>
        <source>Removed on another laptop, changed here</source>
        <translation>他のパソコンで消去され、このパソコンで変更されました</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="70"/>
        <source>Map number taken on another laptop: this household got a new one</source>
        <translation>他のパソコンが先にこの地図番号を使ったため、この世帯に新しい番号を付けました</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="36"/>
        <source>in use (not ended)</source>
        <translation>継続中（終了していない）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="37"/>
        <source>ended {when}</source>
        <translation>{when} に終了</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="39"/>
        <source>(empty)</source>
        <translation>（空欄）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="41"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="41"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="53"/>
        <source>Not synced with an office server</source>
        <translation>事務所のサーバーとは未同期</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="54"/>
        <source>Not synced yet · {pending} changes waiting</source>
        <translation>未同期 · 送信待ち {pending} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="55"/>
        <source>Synced {when} · {pending} changes waiting</source>
        <translation>{when} 同期 · 送信待ち {pending} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="58"/>
        <source> · {conflicts} to resolve</source>
        <translation> · 食い違い {conflicts} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="63"/>
        <source>Sync finished: {received} changes received, {sent} sent.</source>
        <translation>同期しました：受信 {received} 件、送信 {sent} 件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="66"/>
        <source>{n} changes were made both here and on another laptop: choose which to keep in Sync → Conflicts.</source>
        <translation>{n} 件はこのパソコンと別のパソコンの両方で変更されていました。「同期」→「同期の食い違い」で残す方を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="69"/>
        <source>{n} changes belong to districts this laptop is not registered for; they stay on this laptop.</source>
        <translation>{n} 件はこのパソコンが登録されていない地区の変更なので、このパソコンにだけ残ります。</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../app/ui/worker.py" line="93"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
</TS>
