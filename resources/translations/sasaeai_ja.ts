<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/about.py" line="31"/>
        <source>About Sasaeai Map</source>
        <translation>支え合いマップについて</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="38"/>
        <source>&lt;h2&gt;支え合いマップ Sasaeai Map {version}&lt;/h2&gt;&lt;p&gt;Neighbourhood welfare mapping after the three steps of the Echizen City Council of Social Welfare. Works offline; the ledger stays on this computer.&lt;/p&gt;&lt;p&gt;Sasaeai Map is free software under the MIT licence. It is built with the components below; choose one to read its licence.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;支え合いマップ {version}&lt;/h2&gt;&lt;p&gt;越前市社会福祉協議会の3つのステップに沿って、地域の支え合い福祉マップをつくるためのアプリです。オフラインで動き、台帳はこのパソコンの中に保存されます。&lt;/p&gt;&lt;p&gt;支え合いマップは MIT ライセンスのフリーソフトウェアです。下の部品を使っています。部品を選ぶと、そのライセンスを読めます。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="33"/>
        <source>Sasaeai Map (this app)</source>
        <translation>支え合いマップ（このアプリ）</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="47"/>
        <source>Component</source>
        <translation>部品</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="47"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="47"/>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="57"/>
        <source>in {distribution}</source>
        <translation>{distribution} に同梱</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="86"/>
        <source>Built into {distribution}.</source>
        <translation>{distribution} に組み込まれています。</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="92"/>
        <source>The installed packages do not include the text of this licence: {licences}</source>
        <translation>インストールされたパッケージには、このライセンスの本文が含まれていません：{licences}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="263"/>
        <source>History of changes</source>
        <translation>変更の記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="266"/>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="269"/>
        <source>From</source>
        <translation>この日から</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="274"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="274"/>
        <source>Who</source>
        <translation>操作した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="274"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="274"/>
        <source>What</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="275"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="275"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="275"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="275"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="281"/>
        <source>Export…</source>
        <translation>書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="283"/>
        <source>Person</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="323"/>
        <source>Only the newest {count} rows are shown here. Export… writes every row of this choice.</source>
        <translation>ここには新しい順に {count} 行だけを表示しています。「書き出す…」ではこの条件の全行を書き出します。</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="330"/>
        <source>Export the history</source>
        <translation>変更の記録を書き出す</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="331"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="339"/>
        <source>Saved the whole history of this choice to {path}.</source>
        <translation>この条件の変更の記録をすべて {path} に保存しました。</translation>
    </message>
</context>
<context>
    <name>BaseMapChoiceDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="232"/>
        <source>Base map</source>
        <translation>背景の地図</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="233"/>
        <source>What should the town be drawn on? You can change this later in the Map menu.</source>
        <translation>町内の地図の背景に何を使いますか？ あとで「地図」メニューから変えられます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="238"/>
        <source>An image of the town map (scan or PDF export, PNG/JPEG)…</source>
        <translation>町内地図の画像（スキャンやPDFから書き出したもの、PNG/JPEG）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="239"/>
        <source>A map tile pack (MBTiles)…</source>
        <translation>地図タイルのファイル（MBTiles）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="240"/>
        <source>A plain background for now</source>
        <translation>ひとまず無地の背景にする</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="60"/>
        <source>Emergency contact card: {name}</source>
        <translation>緊急連絡カード：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="64"/>
        <location filename="../../app/ui/emergency_panel.py" line="168"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="64"/>
        <location filename="../../app/ui/emergency_panel.py" line="168"/>
        <source>Relationship</source>
        <translation>続柄</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="64"/>
        <location filename="../../app/ui/emergency_panel.py" line="168"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="65"/>
        <location filename="../../app/ui/emergency_panel.py" line="169"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="67"/>
        <source>Order of priority: the first is called first</source>
        <translation>連絡する順番です。いちばん上の人に最初に連絡します</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="71"/>
        <source>Another contact</source>
        <translation>連絡先を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="76"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="83"/>
        <source>{agency} (no longer in the directory)</source>
        <translation>{agency}（名簿から外れた機関）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="91"/>
        <source>or write the doctor&apos;s name and phone</source>
        <translation>または医師の名前と電話番号を書く</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="97"/>
        <source>Medication, allergies, illnesses (printed on the card only)</source>
        <translation>薬、アレルギー、病気（カードにだけ印刷します）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="115"/>
        <location filename="../../app/ui/emergency_panel.py" line="173"/>
        <source>Family doctor</source>
        <translation>かかりつけ医</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="117"/>
        <location filename="../../app/ui/emergency_panel.py" line="173"/>
        <source>Care level / disability</source>
        <translation>要介護度・障がい</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="118"/>
        <location filename="../../app/ui/emergency_panel.py" line="174"/>
        <source>Medical notes</source>
        <translation>医療のメモ</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="119"/>
        <location filename="../../app/ui/emergency_panel.py" line="174"/>
        <source>Care manager</source>
        <translation>ケアマネジャー</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="120"/>
        <location filename="../../app/ui/emergency_panel.py" line="175"/>
        <source>Home care support office</source>
        <translation>居宅介護支援事業所</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="121"/>
        <location filename="../../app/ui/emergency_panel.py" line="176"/>
        <source>Community general support centre</source>
        <translation>地域包括支援センター</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="122"/>
        <location filename="../../app/ui/emergency_panel.py" line="177"/>
        <source>Welfare commissioner</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="123"/>
        <location filename="../../app/ui/emergency_panel.py" line="178"/>
        <source>Commissioner&apos;s phone</source>
        <translation>民生児童委員の電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="124"/>
        <location filename="../../app/ui/emergency_panel.py" line="179"/>
        <source>Where the card is kept</source>
        <translation>カードの置き場所</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="125"/>
        <location filename="../../app/ui/emergency_panel.py" line="179"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="126"/>
        <location filename="../../app/ui/emergency_panel.py" line="179"/>
        <source>Made on</source>
        <translation>作成日</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="127"/>
        <location filename="../../app/ui/emergency_panel.py" line="180"/>
        <source>Review on</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="130"/>
        <source>Emergency contacts, in order of priority (at least two)</source>
        <translation>緊急連絡先（連絡する順に、2人以上）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="170"/>
        <source>Emergency contact {number}, {column}</source>
        <translation>緊急連絡先{number}の{column}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="171"/>
        <source>Emergency contact {number}</source>
        <translation>緊急連絡先{number}</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="93"/>
        <source>Which column is which?</source>
        <translation>どの列に何が入っていますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="99"/>
        <source>(not in this file)</source>
        <translation>（このファイルにはない）</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="105"/>
        <source>Sheet {sheet}, headers in row {row}. At least the name is needed.</source>
        <translation>シート「{sheet}」の{row}行目が見出しです。少なくとも氏名の列が必要です。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="85"/>
        <source>Conflicts to resolve</source>
        <translation>同期の食い違い</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="87"/>
        <source>The same thing was changed on this laptop and on another one. Nothing was merged: both values are kept until you choose. Ask the person who made the other change when unsure.</source>
        <translation>同じ項目がこのパソコンと別のパソコンの両方で変更されました。自動ではまとめていません。どちらを残すか選ぶまで両方の値を保管しています。迷ったときは、もう一方を変更した人に確かめてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="93"/>
        <source>What happened</source>
        <translation>起きたこと</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="93"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="93"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="93"/>
        <source>On this laptop</source>
        <translation>このパソコンの値</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="94"/>
        <source>On the other laptop</source>
        <translation>別のパソコンの値</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="94"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="104"/>
        <source>Keep this laptop&apos;s value</source>
        <translation>このパソコンの値を残す</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="105"/>
        <location filename="../../app/ui/sync_dialogs.py" line="149"/>
        <source>Take the other laptop&apos;s value</source>
        <translation>別のパソコンの値にする</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="108"/>
        <source>Nothing to resolve.</source>
        <translation>選ぶものはありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="129"/>
        <source>waiting for your choice</source>
        <translation>選択待ち</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="148"/>
        <source>Understood</source>
        <translation>了解</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="158"/>
        <source>The other laptop ended this record ({label}). End it here too? Its history is kept.</source>
        <translation>別のパソコンでこの記録（{label}）は終了されています。このパソコンでも終了しますか？ 履歴は残ります。</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="69"/>
        <source>Consent: {name}</source>
        <translation>同意：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="59"/>
        <source>Not asked yet (treated as no)</source>
        <translation>まだ聞いていない（同意なしとして扱います）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="60"/>
        <source>Agreed</source>
        <translation>同意した</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="61"/>
        <source>Did not agree</source>
        <translation>同意しなかった</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="74"/>
        <source>Share with their watchers and the welfare commissioner</source>
        <translation>見守り者と民生児童委員に伝えてよい</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="75"/>
        <source>Share with agencies (包括, care office, doctor, city office)</source>
        <translation>関係機関（包括・ケアマネ・かかりつけ医・市役所）に伝えてよい</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="76"/>
        <source>Show by name on the community map and papers</source>
        <translation>町内の地図や配る紙に名前を出してよい</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="86"/>
        <source>Without consent the person appears only as an anonymous symbol on community views, and is left out of papers for community members.</source>
        <translation>同意がない人は、町内向けの表示では名前のない印だけになり、住民に配る紙には載りません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="90"/>
        <source>Answer</source>
        <translation>答え</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="94"/>
        <source>Recorded on</source>
        <translation>記録した日</translation>
    </message>
</context>
<context>
    <name>CopiesDialog</name>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="113"/>
        <source>Printed copies not yet returned</source>
        <translation>未回収の配布資料</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="115"/>
        <source>normal</source>
        <translation>平常時</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="115"/>
        <source>disaster</source>
        <translation>災害時</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="117"/>
        <source>Serial</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="118"/>
        <source>Paper</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="119"/>
        <source>For</source>
        <translation>提供先</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="120"/>
        <source>Town</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="121"/>
        <source>Copies</source>
        <translation>部数</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="122"/>
        <source>Made by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="123"/>
        <source>Made at</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="124"/>
        <source>Mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="129"/>
        <source>Returned</source>
        <translation>回収済み</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="130"/>
        <source>Destroyed</source>
        <translation>廃棄済み</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="149"/>
        <source>{n} copies out</source>
        <translation>配布中 {n} 部</translation>
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
        <location filename="../../app/ui/dialogs.py" line="307"/>
        <source>This is the demo ledger for practice. Please enter invented people only.</source>
        <translation>これは練習用のデモ台帳です。架空の人だけを入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="310"/>
        <source>Entering real people? The demo is for practice only. Make your own ledger, encrypted with your passphrase; nothing from the demo is copied into it.</source>
        <translation>実在の人を入力していませんか？デモは練習用です。自分の台帳（自分の合言葉で暗号化されます）を作ってください。デモの内容は新しい台帳に移りません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="313"/>
        <source>Make my own ledger…</source>
        <translation>自分の台帳を作る…</translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="232"/>
        <source>Step III · Emergency contacts</source>
        <translation>ステップⅢ・緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="236"/>
        <source>Everyone who needs support</source>
        <translation>支援が必要な人すべて</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="237"/>
        <source>No card yet</source>
        <translation>カード未作成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="238"/>
        <source>Card incomplete</source>
        <translation>カードが未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="239"/>
        <source>Review date passed</source>
        <translation>見直し日が過ぎた</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="242"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="244"/>
        <source>Persons who need support</source>
        <translation>支援が必要な人</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="251"/>
        <source>Edit card…</source>
        <translation>カードを編集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="252"/>
        <source>Card preview…</source>
        <translation>カードを確認…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="253"/>
        <source>Emergency contact sheet…</source>
        <translation>緊急連絡表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="254"/>
        <source>All cards…</source>
        <translation>すべてのカード…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="256"/>
        <source>1 card per A4 page</source>
        <translation>A4に1枚ずつ</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="257"/>
        <source>2 cards per A4 page (cut in half)</source>
        <translation>A4に2枚ずつ（半分に切る）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="273"/>
        <source>Print or save</source>
        <translation>印刷・保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="311"/>
        <source>✗ no card yet</source>
        <translation>✗ カード未作成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="313"/>
        <source>! review date passed</source>
        <translation>! 見直し日が過ぎています</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="315"/>
        <source>△ incomplete</source>
        <translation>△ 未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="316"/>
        <source>✓ card complete</source>
        <translation>✓ カード完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="346"/>
        <source>{total} persons need support: {none} without a card, {incomplete} incomplete, {overdue} past review</source>
        <translation>支援が必要な人 {total}人：カード未作成 {none}人、未完成 {incomplete}人、見直し日が過ぎた人 {overdue}人</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="365"/>
        <source>Choose a person from the list or on the map.</source>
        <translation>一覧か地図で、人を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="369"/>
        <source>Contacts: {names}</source>
        <translation>連絡先：{names}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="370"/>
        <source>Review on: {day}</source>
        <translation>見直し日：{day}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="372"/>
        <source>Nearest designated shelter: {label}</source>
        <translation>いちばん近い指定避難所：{label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="374"/>
        <source>Nearest designated shelter: none within {km} km (check the shelter list is this city&apos;s); fill it in by hand</source>
        <translation>いちばん近い指定避難所：{km} km 以内にありません（取り込んだ避難所の一覧がこの市のものか確かめてください）。手で記入してください</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="377"/>
        <source>Nearest designated shelter: unknown (no list of designated shelters is imported: File → Import shelters or facilities…)</source>
        <translation>いちばん近い指定避難所：不明（指定避難所の一覧が取り込まれていません。ファイル → 避難所・施設を取り込む…）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="380"/>
        <source>Nearest designated shelter: unknown (the household is not on a geographic map)</source>
        <translation>いちばん近い指定避難所：不明（世帯が緯度・経度のある地図に載っていません）</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_panel.py" line="382"/>
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
        <location filename="../../app/ui/dialogs.py" line="206"/>
        <source>Welcome to Sasaeai Map</source>
        <translation>支え合いマップへようこそ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="208"/>
        <source>Sasaeai Map keeps your town&apos;s mutual-support welfare map on this computer.
Nothing is sent over the internet.

Start a new ledger for your town, or open the demo town 「ひだまり町」 to look around first.</source>
        <translation>支え合いマップは、町内の支え合い福祉マップをこのパソコンの中に保存します。
インターネットには何も送りません。

町内の台帳を新しく作るか、まずはお試しの町「ひだまり町」を開いて見てみてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="213"/>
        <source>Start a new ledger for my town…</source>
        <translation>町内の台帳を新しく作る…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="214"/>
        <source>Open the demo town</source>
        <translation>お試しの町を開く</translation>
    </message>
</context>
<context>
    <name>GeoreferenceDialog</name>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="289"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="290"/>
        <source>Image position (x, y)</source>
        <translation>地図画像上の位置 (x, y)</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="291"/>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="292"/>
        <location filename="../../app/ui/georeference_dialog.py" line="403"/>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="293"/>
        <location filename="../../app/ui/georeference_dialog.py" line="405"/>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="294"/>
        <source>Residual (m)</source>
        <translation>ずれ (m)</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="301"/>
        <source>Tie the town map to the ground — {town}</source>
        <translation>地図の位置合わせ — {town}</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="321"/>
        <source>1. Click a place you know on the town map (left).
2. Click the same place on the right, pick it from the list, or type its latitude and longitude.
Repeat for at least 3 places far apart (a triangle over the whole map works best).</source>
        <translation>1. 町内地図（左）の上で、場所がわかっている所をクリックします。
2. 同じ場所を右の地図でクリックするか、一覧から選ぶか、緯度・経度を入力します。
離れた3か所以上でくり返します（地図全体を囲む三角形になるのが一番です）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="338"/>
        <source>Town map</source>
        <translation>町内地図</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="338"/>
        <source>Known places</source>
        <translation>位置のわかっている場所</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="341"/>
        <source>Search shelters, community halls, clinics, 町丁目 …</source>
        <translation>避難所・公民館・医療機関・町丁目を検索…</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="353"/>
        <source>Use this place</source>
        <translation>この場所にする</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="356"/>
        <source>e.g. 35.9036</source>
        <translation>例: 35.9036</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="357"/>
        <source>e.g. 136.1689</source>
        <translation>例: 136.1689</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="358"/>
        <source>Use these coordinates</source>
        <translation>この緯度・経度にする</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="369"/>
        <source>Control points</source>
        <translation>位置合わせの点</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="375"/>
        <source>Remove the selected point</source>
        <translation>選んだ点を取り除く</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="377"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="379"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="387"/>
        <source>Wheel: zoom · drag: move</source>
        <translation>ホイール: 拡大・縮小&#x3000;ドラッグ: 移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="390"/>
        <source>Town map (click a place you know)</source>
        <translation>町内地図（わかる場所をクリック）</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="394"/>
        <source>Known places (blue: facilities, grey: 町丁目)</source>
        <translation>位置のわかっている場所（青: 施設、灰色: 町丁目）</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="396"/>
        <source>Or pick the place from the list</source>
        <translation>または一覧から選ぶ</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="401"/>
        <source>Or type its latitude and longitude</source>
        <translation>または緯度・経度を入力</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="449"/>
        <source>Choose a place in the list first.</source>
        <translation>先に一覧から場所を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="456"/>
        <source>Type the latitude and the longitude as numbers, e.g. 35.9036 and 136.1689.</source>
        <translation>緯度と経度を数字で入力してください（例: 35.9036 と 136.1689）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="459"/>
        <source>Latitude {lat} is more than 90: are latitude and longitude swapped?</source>
        <translation>緯度 {lat} が90を超えています。緯度と経度が逆になっていませんか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="462"/>
        <source>Typed ({lat:.5f}, {lon:.5f})</source>
        <translation>入力した位置 ({lat:.5f}, {lon:.5f})</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="469"/>
        <source>First click the place on the town map (left), then choose where it is.</source>
        <translation>先に町内地図（左）の上でその場所をクリックしてから、場所を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="480"/>
        <source>Select a point in the table first.</source>
        <translation>先に表の中の点を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="536"/>
        <source>{count} more point(s) needed.</source>
        <translation>あと {count} 点必要です。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="538"/>
        <source>second-order polynomial (6 or more points)</source>
        <translation>2次多項式（6点以上）</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="539"/>
        <source>affine (3 to 5 points)</source>
        <translation>アフィン変換（3〜5点）</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="540"/>
        <source>RMS error: {rms:.1f} m — {kind}</source>
        <translation>平均的なずれ（RMS）: {rms:.1f} m — {kind}</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="542"/>
        <source>With 3 points the residuals are always 0; a 4th point shows how well they agree.</source>
        <translation>3点ではずれは必ず0になります。4点目を加えると、合っているかを確かめられます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="547"/>
        <source>Point {n} is on the town map: now choose where it is on the ground.</source>
        <translation>点 {n} を町内地図に置きました。次に、その場所を右の地図・一覧・緯度経度で選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="550"/>
        <source>Click a place on the town map to add point {n}.</source>
        <translation>町内地図の上をクリックすると、点 {n} を置けます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/georeference_dialog.py" line="565"/>
        <source>Saved: the map is drawn again in real coordinates.</source>
        <translation>保存しました。地図を実際の位置で描き直しました。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../app/ui/help.py" line="28"/>
        <source>Guide: the three steps</source>
        <translation>使い方：3つのステップ</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="215"/>
        <location filename="../../app/ui/panels.py" line="326"/>
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
        <source>Hazards at home</source>
        <translation>自宅のハザード</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="260"/>
        <source>Members</source>
        <translation>世帯員</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="335"/>
        <source>No.{number}  {label}</source>
        <translation>No.{number}  {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="348"/>
        <source> ({age})</source>
        <translation>（{age}歳）</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="350"/>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="150"/>
        <source>Hide unchanged rows</source>
        <translation>変更のない行を隠す</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="153"/>
        <source>What</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="153"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="153"/>
        <source>Who</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="153"/>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="154"/>
        <source>Decision</source>
        <translation>選択</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="179"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="200"/>
        <source>{file}: {added} to add, {updated} to update, {unchanged} unchanged, a decision needed: {decide}. Nothing is written until you press Import.</source>
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
        <location filename="../../app/ui/watch_panel.py" line="84"/>
        <location filename="../../app/ui/watch_panel.py" line="127"/>
        <location filename="../../app/ui/watch_panel.py" line="130"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="84"/>
        <source>How they are involved</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="86"/>
        <source>New watcher…</source>
        <translation>新しい見守り者…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="97"/>
        <source>Not on this map</source>
        <translation>この地図に載っていない</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="107"/>
        <source>Known</source>
        <translation>日付を入れる</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="117"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="118"/>
        <source>Reading (kana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="119"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="120"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="121"/>
        <source>Lives in</source>
        <translation>住まい</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="138"/>
        <source>Involvement (関わり方)</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="139"/>
        <source>How often</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="140"/>
        <source>Since</source>
        <translation>いつから</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="141"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="430"/>
        <source>Filter</source>
        <translation>絞り込み</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="506"/>
        <source>Choose a town-map image first: Map → Use a town-map image…</source>
        <translation>先に町内地図の画像を選んでください: 地図 → 町内地図の画像を使う…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="524"/>
        <source>Town block (町丁目)</source>
        <translation>町丁目</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="555"/>
        <source>Tie the town map to the ground</source>
        <translation>地図の位置合わせ</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="107"/>
        <source>Tie the town map to the ground…</source>
        <translation>地図の位置合わせ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="108"/>
        <source>Click three or more known places on the town-map image, so shelters and addresses appear on it</source>
        <translation>町内地図の画像の上で、場所のわかっている所を3か所以上クリックします。避難所や住所が地図に出るようになります</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="310"/>
        <location filename="../../app/ui/mainwindow/privacy.py" line="315"/>
        <location filename="../../app/ui/mainwindow/window.py" line="299"/>
        <location filename="../../app/ui/mainwindow/window.py" line="307"/>
        <source>Sasaeai Map</source>
        <translation>支え合いマップ</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/window.py" line="303"/>
        <source>(demo town)</source>
        <translation>（お試しの町）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="218"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="220"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="91"/>
        <location filename="../../app/ui/mainwindow/households.py" line="293"/>
        <source>Add household</source>
        <translation>世帯を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="91"/>
        <source>Then click the map where the household is</source>
        <translation>このあと、世帯のある場所を地図でクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="93"/>
        <location filename="../../app/ui/mainwindow/households.py" line="313"/>
        <source>Add gathering place</source>
        <translation>たまり場を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="94"/>
        <source>Then click the map where the gathering place is</source>
        <translation>このあと、たまり場のある場所を地図でクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="95"/>
        <source>Delete household…</source>
        <translation>世帯を削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="96"/>
        <source>Delete the selected household (asks first; undo brings it back)</source>
        <translation>選んだ世帯を削除します（先に確認します。「元に戻す」で戻せます）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="98"/>
        <source>New town…</source>
        <translation>町内を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="98"/>
        <source>Add a town to this ledger</source>
        <translation>この台帳に町内を追加します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="99"/>
        <source>Districts and towns…</source>
        <translation>地区と町内…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="100"/>
        <source>Add, rename or archive the city&apos;s districts and towns, or import a list of districts</source>
        <translation>市内の地区・町内を追加、名前変更、保管します。地区の一覧を取り込むこともできます</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="102"/>
        <source>Use a town-map image…</source>
        <translation>町内地図の画像を使う…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="103"/>
        <source>A scanned or exported town map (PNG or JPEG)</source>
        <translation>スキャンまたは書き出した町内地図（PNGまたはJPEG）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="104"/>
        <source>Use an MBTiles file…</source>
        <translation>MBTilesファイルを使う…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="105"/>
        <source>A raster tile pack prepared for offline use</source>
        <translation>オフライン用に用意した地図タイルのファイル</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="106"/>
        <source>Use a plain background</source>
        <translation>無地の背景を使う</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="106"/>
        <source>No base map</source>
        <translation>背景の地図を使いません</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="110"/>
        <source>Watch lines</source>
        <translation>見守りの線</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="111"/>
        <source>Show the lines from each watcher&apos;s house to the person they watch</source>
        <translation>見守り者の家から、見守る相手までの線を表示します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="113"/>
        <source>Export watch-network record form…</source>
        <translation>見守りネットワーク記録用紙を書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="114"/>
        <source>The 見守りネットワーク記録用紙 of this town, in Excel</source>
        <translation>この町内の見守りネットワーク記録用紙（Excel）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="115"/>
        <source>Export GeoJSON…</source>
        <translation>GeoJSONに書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="116"/>
        <source>Households, gathering places and watch lines of this town for GIS tools such as QGIS (consent applied)</source>
        <translation>この町内の世帯・たまり場・見守りの線を、QGISなどのGISソフト用に書き出します（同意の規則を適用）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="118"/>
        <source>Import watch-network record form…</source>
        <translation>見守りネットワーク記録用紙を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="119"/>
        <source>Read back a form filled in by volunteers</source>
        <translation>記入済みの記録用紙を読み込みます</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="120"/>
        <source>Import roster…</source>
        <translation>名簿を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="121"/>
        <source>A list with one row per person (Excel or CSV)</source>
        <translation>1人1行の名簿（ExcelまたはCSV）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="122"/>
        <source>Import shelters or facilities…</source>
        <translation>避難所・施設を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="124"/>
        <source>Import agency list…</source>
        <translation>関係機関の一覧を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="125"/>
        <source>Community general support centres, care offices, clinics … (Excel or CSV)</source>
        <translation>地域包括支援センター、居宅介護支援事業所、診療所 …（ExcelまたはCSV）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="127"/>
        <source>Shelters and facilities</source>
        <translation>避難所・施設</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="128"/>
        <source>Show imported shelters, community halls and clinics</source>
        <translation>取り込んだ避難所、公民館、診療所を表示します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="130"/>
        <source>Print map…</source>
        <translation>地図を印刷…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="131"/>
        <source>The town map with map numbers (no names), A4 or A3, PDF or PNG</source>
        <translation>地図番号入りの町内地図（氏名なし）。A4かA3、PDFかPNG</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="133"/>
        <source>Projector mode</source>
        <translation>プロジェクター表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="134"/>
        <source>Meeting display: large symbols, map numbers instead of names, no phone numbers or health notes</source>
        <translation>会議用の表示：記号を大きくし、氏名の代わりに地図番号を出します。電話番号や健康のメモは出しません</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="136"/>
        <source>Back up now…</source>
        <translation>今すぐ控えを作る…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="136"/>
        <source>Save an encrypted copy of the ledger</source>
        <translation>台帳の控え（暗号化）を保存します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="137"/>
        <source>Restore from a backup…</source>
        <translation>控えから戻す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="138"/>
        <source>Replace the ledger with a backup (the current one is kept)</source>
        <translation>台帳を控えで置き換えます（今の台帳も残します）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="139"/>
        <source>Sync with the office…</source>
        <translation>事務所と同期…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="140"/>
        <source>Send this laptop&apos;s changes and receive the others&apos; (office network)</source>
        <translation>このパソコンの変更を送り、ほかのパソコンの変更を受け取ります（事務所のネットワーク）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="141"/>
        <location filename="../../app/ui/mainwindow/sync.py" line="126"/>
        <source>Conflicts to resolve…</source>
        <translation>同期の食い違い…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="142"/>
        <source>Changes made here and on another laptop: choose which to keep</source>
        <translation>このパソコンと別のパソコンの両方で変更された項目：残す方を選びます</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="143"/>
        <source>Sync package for the office (USB)…</source>
        <translation>事務所へ渡す同期ファイル（USB）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="144"/>
        <source>Save this laptop&apos;s changes to an encrypted file to carry to the office</source>
        <translation>このパソコンの変更を暗号化したファイルに保存し、事務所へ持って行きます</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="145"/>
        <source>Sync package from the office (USB)…</source>
        <translation>事務所からの同期ファイル（USB）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="146"/>
        <source>Read the other laptops&apos; changes from the file the office made for this laptop</source>
        <translation>事務所がこのパソコン用に作ったファイルから、ほかのパソコンの変更を読み込みます</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="148"/>
        <source>Lock when idle…</source>
        <translation>自動ロックまでの時間…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="148"/>
        <source>After how many idle minutes the window locks</source>
        <translation>操作しない状態が何分続いたら画面をロックするか</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="149"/>
        <source>Change passphrase…</source>
        <translation>合言葉を変える…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="149"/>
        <source>Encrypt the ledger anew</source>
        <translation>台帳を新しい合言葉で暗号化し直します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="150"/>
        <source>History of changes…</source>
        <translation>変更の記録…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="150"/>
        <source>Who changed what and when (the audit log)</source>
        <translation>だれが、いつ、何を変えたか</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="151"/>
        <source>Lock now</source>
        <translation>今すぐロック</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="151"/>
        <source>Hide the ledger until the passphrase is entered</source>
        <translation>合言葉を入れるまで台帳を隠します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="153"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="153"/>
        <source>Close Sasaeai Map</source>
        <translation>支え合いマップを終了します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="154"/>
        <source>About Sasaeai Map</source>
        <translation>支え合いマップについて</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="154"/>
        <source>Version and licences</source>
        <translation>バージョンとライセンス</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="155"/>
        <source>Guide: the three steps</source>
        <translation>使い方：3つのステップ</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="155"/>
        <source>How to use Sasaeai Map</source>
        <translation>支え合いマップの使い方</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="157"/>
        <source>Large text</source>
        <translation>大きな文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="157"/>
        <source>Text and map symbols 1.5 times larger</source>
        <translation>文字と地図の記号を1.5倍にします</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="159"/>
        <source>High contrast</source>
        <translation>はっきりした色</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="159"/>
        <source>Strong colours, easier to tell apart</source>
        <translation>濃い色で、見分けやすくします</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="161"/>
        <source>Dates in the Japanese era (和暦)</source>
        <translation>和暦で表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="161"/>
        <source>令和7年4月1日 instead of 2025-04-01</source>
        <translation>2025-04-01 ではなく 令和7年4月1日 と表示します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="163"/>
        <source>Ⅰ Map households</source>
        <translation>Ⅰ 世帯を地図に記す</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="164"/>
        <source>Step I: mark households and gathering places on the town map</source>
        <translation>ステップⅠ：町内の地図に世帯とたまり場を記します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="165"/>
        <source>Ⅱ Watch network</source>
        <translation>Ⅱ 見守りネットワーク</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="165"/>
        <source>Step II: who watches over each person of concern</source>
        <translation>ステップⅡ：気がかりな人を、誰が見守るか</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="167"/>
        <source>Ⅲ Emergency contacts</source>
        <translation>Ⅲ 緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="167"/>
        <source>Step III: emergency contact cards and sheet</source>
        <translation>ステップⅢ：緊急連絡カードと緊急連絡表</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="169"/>
        <source>Evacuation plans…</source>
        <translation>個別避難計画…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="170"/>
        <source>Individual evacuation plans (個別避難計画): whose plan comes first, and each person&apos;s plan</source>
        <translation>個別避難計画：だれの計画を先に作るかと、一人ひとりの計画</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="172"/>
        <source>Safety check…</source>
        <translation>安否確認…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="173"/>
        <source>Safety check (安否確認) of an incident: the roll call in hazard order, one click per check, the status rings on the map</source>
        <translation>災害時の安否確認：ハザードの大きい順の名簿、1クリックで確認を記録、地図に状況を色の輪で表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="175"/>
        <source>Read back a ticked safety checklist…</source>
        <translation>記入済みの安否確認表を読み込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="176"/>
        <source>Record the checks typed into the Excel checklist of the open incident (previewed first)</source>
        <translation>対応中の災害のExcel確認表に入力された確認を記録します（先に内容を確かめます）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="178"/>
        <source>Safety check on the projector</source>
        <translation>安否確認をプロジェクターに表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="179"/>
        <source>Counts per status and per district for the 災害対策本部, no names</source>
        <translation>災害対策本部向けに、状況別・地区別の人数を表示します（氏名なし）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="181"/>
        <source>Liaison meeting</source>
        <translation>福祉連絡会</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="182"/>
        <source>The yearly review of every person of concern (福祉連絡会)</source>
        <translation>気がかりな人を毎年見直す会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="183"/>
        <source>Disaster mode (災害時) on / off…</source>
        <translation>災害時モードの切替…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="184"/>
        <source>Give the list to responders without consent when lives are at risk (Disaster Countermeasures Basic Act, Art. 49-11(3)); recorded</source>
        <translation>生命等の保護のため特に必要なとき、同意なしで避難支援等関係者に名簿を提供します（災害対策基本法第49条の11第3項）。切替は記録されます</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="186"/>
        <source>Printed copies not yet returned…</source>
        <translation>未回収の配布資料…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="187"/>
        <source>Papers with names that are still out; record their return</source>
        <translation>氏名入りで配布中の資料。回収・廃棄を記録します</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="207"/>
        <source>Steps</source>
        <translation>手順</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="208"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="127"/>
        <source>The town shown on the map</source>
        <translation>地図に表示する町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/window.py" line="234"/>
        <source>Town:</source>
        <translation>町内：</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="210"/>
        <source>Projector</source>
        <translation>プロジェクター</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="188"/>
        <source>Leave projector mode…</source>
        <translation>プロジェクター表示を終わる…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="123"/>
        <source>Public lists of shelters, community halls or clinics (CSV, GeoJSON or Shapefile)</source>
        <translation>避難所、公民館、診療所などの公開されている一覧（CSV、GeoJSONまたはShapefile）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="189"/>
        <source>Show names and details again (asks first)</source>
        <translation>氏名などをまた表示します（先に確認します）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="195"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="198"/>
        <source>S&amp;ync</source>
        <translation>同期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="199"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="200"/>
        <source>&amp;Map</source>
        <translation>地図(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="202"/>
        <source>&amp;Steps</source>
        <translation>手順(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="203"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="204"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/actions.py" line="205"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="14"/>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="15"/>
        <source>Other household</source>
        <translation>その他の世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="16"/>
        <source>A person of concern lives here</source>
        <translation>気がかりな人がいる世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="17"/>
        <source>Gathering place (たまり場)</source>
        <translation>たまり場</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="18"/>
        <source>Person of concern nobody watches over yet</source>
        <translation>見守り者がまだいない気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="19"/>
        <source>Click to show or hide the legend</source>
        <translation>クリックで凡例を表示／非表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="20"/>
        <source>Drag to move this household</source>
        <translation>ドラッグでこの世帯を移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="21"/>
        <source>(?) Position guessed from the address: drag it to the house</source>
        <translation>（？）住所から推定した位置です。家の場所へドラッグしてください</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/labels.py" line="23"/>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="58"/>
        <source>Not on the map yet</source>
        <translation>まだ地図にない世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="63"/>
        <source>Pin on the map</source>
        <translation>地図に置く</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="64"/>
        <source>Choose a household above, press this, then click where the house is</source>
        <translation>上の世帯を選んでこのボタンを押し、地図の上でその家の場所をクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/window.py" line="161"/>
        <source>PROJECTOR MODE — names, phone numbers, birth dates and health notes are hidden. Households are shown by their map numbers.</source>
        <translation>プロジェクター表示中 — 氏名・電話番号・生年月日・健康のメモは隠しています。世帯は地図番号で示します。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="67"/>
        <source>Locked: the ledger is hidden while nobody uses the computer.
Nothing was lost. Press Unlock and enter the passphrase.</source>
        <translation>ロック中：だれも使っていない間、台帳を隠しています。
データは失われていません。「ロック解除」を押して合言葉を入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="73"/>
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="90"/>
        <source>Delete the unencrypted copy…</source>
        <translation>暗号化されていない控えを削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="39"/>
        <source>Sync with the office server: Sync menu</source>
        <translation>事務所のサーバーとの同期：「同期」メニュー</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/window.py" line="229"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/window.py" line="230"/>
        <source>Nothing leaves this computer unless you sync with the office</source>
        <translation>事務所と同期しない限り、データはこのパソコンから出ません</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="339"/>
        <source>No town yet: File → New town…</source>
        <translation>まだ町内がありません：ファイル → 町内を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="347"/>
        <source>{town}: {households} households, {places} gathering places</source>
        <translation>{town}：{households}世帯、たまり場 {places}か所</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="455"/>
        <source>Town map images (*.png *.jpg *.jpeg)</source>
        <translation>町内地図の画像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="456"/>
        <source>MBTiles files (*.mbtiles)</source>
        <translation>MBTilesファイル (*.mbtiles)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="457"/>
        <source>Choose the base map</source>
        <translation>背景の地図を選ぶ</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="486"/>
        <source>This town has {n} control points taken on another map image ({width}×{height} pixels), perhaps on another laptop: choose that scan to use them, or tie this image to the ground (Map → Tie the town map to the ground…).</source>
        <translation>この町内には、別の地図画像（{width}×{height} ピクセル）で付けた基準点が {n} 点あります（別のパソコンで付けたものかもしれません）。その画像を選ぶと使えます。この画像で位置合わせをすることもできます（地図 → 地図の位置合わせ…）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="667"/>
        <source>The map stopped working again and is not shown. Everything entered is saved in the ledger. Close the app and open it again; if the map still stops, ask the person who looks after this computer.</source>
        <translation>地図がまた止まったため、表示していません。入力した内容はすべて台帳に保存されています。アプリを閉じて、もう一度開いてください。それでも地図が止まるときは、このパソコンを管理している方に相談してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="672"/>
        <source>The map stopped working and is being drawn again. Everything entered is saved in the ledger.</source>
        <translation>地図の表示が止まったため、描き直しています。入力した内容はすべて台帳に保存されています。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="676"/>
        <source>The map stopped working and was drawn again.</source>
        <translation>地図の表示が止まったため、描き直しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/town.py" line="683"/>
        <source>The map is not responding. If it does not recover soon, it will be drawn again. Everything entered is saved in the ledger.</source>
        <translation>地図が応答していません。まもなく戻らない場合は描き直します。入力した内容はすべて台帳に保存されています。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="264"/>
        <source>Not on the map yet ({n})</source>
        <translation>まだ地図にない世帯（{n}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="275"/>
        <source>Click the map where the house is.</source>
        <translation>地図の上で、その家の場所をクリックしてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="281"/>
        <source>Pin household</source>
        <translation>世帯を地図に置く</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="182"/>
        <source>Move gathering place</source>
        <translation>たまり場の移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="61"/>
        <source>Households not on the map yet</source>
        <translation>まだ地図にない世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="193"/>
        <source>Move household</source>
        <translation>世帯の移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="345"/>
        <source>Edit household</source>
        <translation>世帯の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="357"/>
        <source>Delete household No.{number} {label} from the map?
Undo (Ctrl+Z) brings it back.</source>
        <translation>No.{number} {label} を地図から削除しますか？
「元に戻す」(Ctrl+Z) で戻せます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="362"/>
        <location filename="../../app/ui/mainwindow/meeting.py" line="246"/>
        <source>Delete household</source>
        <translation>世帯の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="394"/>
        <source>Add member</source>
        <translation>世帯員の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="411"/>
        <source>Edit member</source>
        <translation>世帯員の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="420"/>
        <source>Remove {name} from this household?</source>
        <translation>{name} さんをこの世帯から削除しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="422"/>
        <source>Remove member</source>
        <translation>世帯員の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="448"/>
        <source>no site open for it outside zones as deep as this home&apos;s ({count} sites lie in them)</source>
        <translation>この家と同じかそれより深い想定区域の外には、この災害に対応した避難場所がありません（{count} か所が区域内）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="451"/>
        <source>no site open for it with a position</source>
        <translation>なし（この災害に対応した、位置のわかる避難場所がありません）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="452"/>
        <source>{hazard}: go to {shelter}</source>
        <translation>{hazard}：避難先 {shelter}</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="371"/>
        <source>Delete the gathering place {name}?</source>
        <translation>たまり場「{name}」を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="372"/>
        <source>Delete gathering place</source>
        <translation>たまり場の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/households.py" line="378"/>
        <source>Edit gathering place</source>
        <translation>たまり場の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="136"/>
        <source>That passphrase does not open this ledger.</source>
        <translation>その合言葉ではこの台帳を開けません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="207"/>
        <source>Record consent</source>
        <translation>同意の記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="216"/>
        <source>Back up the ledger</source>
        <translation>台帳の控えを作る</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="218"/>
        <location filename="../../app/ui/mainwindow/privacy.py" line="240"/>
        <source>Ledger backups (*.sqlite3)</source>
        <translation>台帳の控え (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="227"/>
        <source>Backed up to {path} (encrypted like the ledger)</source>
        <translation>{path} に控えを保存しました（台帳と同じく暗号化）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="237"/>
        <source>Restore from a backup</source>
        <translation>控えから戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="170"/>
        <source>Change passphrase</source>
        <translation>合言葉を変える</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="178"/>
        <source>The passphrase was changed (a backup was made first).</source>
        <translation>合言葉を変えました（先に控えを作りました）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="84"/>
        <source>Printed map</source>
        <translation>印刷用の地図</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="108"/>
        <source>Preparing the printed map…</source>
        <translation>印刷用の地図を準備しています…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="123"/>
        <source>Print map</source>
        <translation>地図の印刷</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="125"/>
        <source>Draw the watch lines</source>
        <translation>見守りの線を描く</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="126"/>
        <source>Draw the hazard zones (flood, landslide …) with their sources</source>
        <translation>災害の想定区域（浸水・土砂災害など）と出典を描く</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="132"/>
        <source>Landscape</source>
        <translation>横向き</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="133"/>
        <source>Portrait</source>
        <translation>縦向き</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="135"/>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="136"/>
        <source>Orientation</source>
        <translation>向き</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/projector.py" line="46"/>
        <source>Leave projector mode? Names, phone numbers and notes will be shown again.</source>
        <translation>プロジェクター表示を終わりますか？ 氏名・電話番号・メモがまた表示されます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/watch.py" line="138"/>
        <source>Add watcher</source>
        <translation>見守り者の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/watch.py" line="155"/>
        <source>Edit involvement</source>
        <translation>関わり方の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/watch.py" line="162"/>
        <source>{watcher} no longer watches over this person?</source>
        <translation>{watcher} さんを、この人の見守り者から外しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/watch.py" line="165"/>
        <source>Remove watcher</source>
        <translation>見守り者を外す</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="144"/>
        <source>New meeting</source>
        <translation>新しい会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="231"/>
        <source>Review</source>
        <translation>見直し</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="276"/>
        <source>Due and overdue</source>
        <translation>確認が必要なこと</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="277"/>
        <location filename="../../app/ui/mainwindow/meeting.py" line="337"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="277"/>
        <location filename="../../app/ui/mainwindow/meeting.py" line="337"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="278"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="278"/>
        <source>Since</source>
        <translation>いつから</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="259"/>
        <source>(hidden on the projector)</source>
        <translation>（投影中は非表示）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="176"/>
        <source>Edit meeting</source>
        <translation>会議の訂正</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="187"/>
        <source>Delete the meeting of {day}?
The reviews recorded at it are kept. Undo (Ctrl+Z) brings the meeting back.</source>
        <translation>{day} の会議を削除しますか？
この会議で記録した見直しは残ります。元に戻す（Ctrl+Z）で会議が戻ります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="193"/>
        <source>Delete meeting</source>
        <translation>会議の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="207"/>
        <source>Record “{outcome}” for No.{number}?
Their watch ends. Nothing is deleted: the record is kept and can be restored.</source>
        <translation>No.{number} を「{outcome}」として記録しますか？
見守りは終わります。削除はされず、記録は残り、元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="242"/>
        <source>Nobody is left in household No.{number}.
Take the household off the map? It is kept in the ledger, and Undo (Ctrl+Z) brings it back. Choose No to keep it on the map (for example as a vacant house).</source>
        <translation>No.{number} の世帯には誰もいなくなりました。
この世帯を地図から外しますか？台帳には残り、元に戻す（Ctrl+Z）で戻せます。地図に残すとき（空き家としてなど）は「いいえ」を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="251"/>
        <source>Nobody is left in household No.{number}: it stays on the map (Step I&apos;s Delete household… takes it off).</source>
        <translation>No.{number} の世帯には誰もいなくなりました。地図には残しています（ステップⅠの「世帯を削除…」で外せます）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="273"/>
        <source>Due for review (as counted above the review list): {reviews}. Also listed: emergency cards to make or review: {cards}; nobody watching yet: {unwatched}.</source>
        <translation>見直しの時期の人（見直し一覧の上の数と同じ）：{reviews} 人。ほかに、作成・見直しが必要な緊急連絡カード：{cards} 人、見守り者がまだいない人：{unwatched} 人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="279"/>
        <source>Nothing is due or overdue in this town.</source>
        <translation>この町内には、見直しや対応が必要な人はいません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="315"/>
        <source>No meeting of this town was held before today: there is nothing earlier to compare with yet.</source>
        <translation>この町内で今日より前に開いた会議がないため、比べる前回の記録はまだありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="317"/>
        <source>This town has no liaison meeting recorded yet: start one with New meeting…</source>
        <translation>この町内の福祉連絡会はまだ記録がありません。「新しい会議…」から始めてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="328"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="332"/>
        <source>Since {since}. Who recorded each change: from the history of changes.</source>
        <translation>{since} 以降の変更です。記録した人は変更の記録から。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="333"/>
        <source>Since {since}. Only record times are known (who recorded them is not).</source>
        <translation>{since} 以降の変更です。記録した時刻だけが分かります（記録した人は分かりません）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="335"/>
        <source>What changed since the last meeting</source>
        <translation>前回の会議からの変化</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="336"/>
        <source>What</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="336"/>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="338"/>
        <source>Fields</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="338"/>
        <source>Recorded by</source>
        <translation>記録した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="339"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="346"/>
        <source>Town / district</source>
        <translation>町内・地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="347"/>
        <source>Watched (■) / not (□)</source>
        <translation>見守りあり（■）・なし（□）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="354"/>
        <source>Overview</source>
        <translation>全体のようす</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="355"/>
        <source>Export to Excel…</source>
        <translation>Excelに書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="359"/>
        <source>Export the overview</source>
        <translation>全体のようすを書き出す</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="376"/>
        <source>{district}: district total</source>
        <translation>{district} 地区計</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/meeting.py" line="377"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="121"/>
        <source>Edit emergency card</source>
        <translation>緊急連絡カードの編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="135"/>
        <source>Emergency contact sheet</source>
        <translation>緊急連絡表</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="152"/>
        <source>Emergency contact cards</source>
        <translation>緊急連絡カード</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="193"/>
        <location filename="../../app/ui/mainwindow/emergency.py" line="261"/>
        <location filename="../../app/ui/mainwindow/imports.py" line="185"/>
        <location filename="../../app/ui/mainwindow/imports.py" line="261"/>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="148"/>
        <source>Reading {file}…</source>
        <translation>{file} を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="99"/>
        <source>For whom?</source>
        <translation>だれに渡しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="99"/>
        <source>Who will receive this copy? Persons who did not consent to sharing with them are left anonymous.</source>
        <translation>この書類を受け取るのはだれですか？ その相手への提供に同意していない人は匿名になります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="174"/>
        <source>Import shelters or facilities</source>
        <translation>避難所・施設の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="50"/>
        <source>{file}: {summary}. Import?</source>
        <translation>{file}：{summary}。取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="205"/>
        <source>Import agency list</source>
        <translation>関係機関の一覧の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="206"/>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>ExcelまたはCSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="239"/>
        <source>{count} phone numbers in {file} have no area code (市外局番).
Which area code do they have? (e.g. 0776)</source>
        <translation>{file} の電話番号のうち {count}件に市外局番がありません。
市外局番は何番ですか？（例：0776）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="225"/>
        <source>What kind of agencies does {file} list?</source>
        <translation>{file} はどの種類の機関の一覧ですか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="116"/>
        <source>Export watch-network record form</source>
        <translation>見守りネットワーク記録用紙の書き出し</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="117"/>
        <location filename="../../app/ui/mainwindow/imports.py" line="228"/>
        <location filename="../../app/ui/mainwindow/meeting.py" line="361"/>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="115"/>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="126"/>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="142"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="248"/>
        <source>This backup does not open with the current passphrase.
Its passphrase:</source>
        <translation>このバックアップは今の合言葉では開けません。
バックアップの合言葉：</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="258"/>
        <source>Replace the ledger with this backup?
{file}

Everything recorded after the backup was made is replaced. The ledger as it is now is kept as a backup first, so restoring that one undoes this.</source>
        <translation>台帳をこのバックアップで置き換えますか？
{file}

バックアップを作った後に記録した内容は置き換わります。今の台帳は先にバックアップとして保存するので、それを復元すれば元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="284"/>
        <source>Restored {file}. The ledger as it was is kept as {kept}.</source>
        <translation>{file} を復元しました。置き換える前の台帳は {kept} に保存してあります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="310"/>
        <source>Your own ledger was made in
{folder}

The demo now closes and Sasaeai Map starts again on your ledger: enter the passphrase you chose.</source>
        <translation>自分の台帳を作りました：
{folder}

デモを閉じて、自分の台帳で支え合いマップを起動し直します。決めた合言葉を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="315"/>
        <source>Sasaeai Map could not start again by itself. Please start it yourself; your ledger is in
{folder}</source>
        <translation>支え合いマップを自動で起動し直せませんでした。手で起動してください。台帳の場所：
{folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="330"/>
        <source>An unencrypted copy of the ledger, made when it was first encrypted, is still in the backups folder: anyone who gets this computer can read it.
{files}</source>
        <translation>台帳を初めて暗号化したときの暗号化されていない控えが、バックアップのフォルダーに残っています。このパソコンを手にした人はだれでも読めます。
{files}</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="341"/>
        <source>Delete the unencrypted copy?

The encrypted ledger holds everything in it (this is checked first); the encrypted backups are kept.</source>
        <translation>暗号化されていない控えを削除しますか？

控えの内容はすべて暗号化された台帳に入っています（削除の前に確かめます）。暗号化されたバックアップは残ります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="354"/>
        <source>The unencrypted copy was deleted.</source>
        <translation>暗号化されていない控えを削除しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="388"/>
        <source>Disaster mode is on: new papers for watchers and agencies name everyone.</source>
        <translation>災害時モードです。見守り者・関係機関向けの新しい資料には全員の氏名が載ります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="390"/>
        <source>Back to normal times: new papers apply the consent rule.</source>
        <translation>平常時に戻しました。新しい資料は同意の規則に従います。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="418"/>
        <source>Copy {serial} recorded as {outcome}.</source>
        <translation>管理番号 {serial} を「{outcome}」として記録しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="419"/>
        <source>returned</source>
        <translation>回収</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="420"/>
        <source>destroyed</source>
        <translation>廃棄</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="156"/>
        <source>Lock when idle</source>
        <translation>自動ロック</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="157"/>
        <source>Lock the window after this many minutes without use:</source>
        <translation>操作しない状態がこの分数続いたら画面をロック：</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/privacy.py" line="164"/>
        <source>The window locks after {minutes} minutes without use.</source>
        <translation>操作しない状態が {minutes} 分続くと画面をロックします。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="125"/>
        <source>Conflicts to resolve ({n})…</source>
        <translation>同期の食い違い（{n}件）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="147"/>
        <source>Sync with the office</source>
        <translation>事務所と同期</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="147"/>
        <source>The office server&apos;s address, as the office gave it (postgresql://…):</source>
        <translation>事務所から伝えられたサーバーのアドレス（postgresql://…）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="161"/>
        <source>Syncing with the office server…</source>
        <translation>事務所のサーバーと同期しています…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="163"/>
        <source>An import is still running: sync when it has finished.</source>
        <translation>取り込みの途中です。終わってから同期してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="168"/>
        <source>Sync stopped; nothing half-done was kept. Sync again to finish.</source>
        <translation>同期を中止しました。途中までの変更は残していません。もう一度同期すれば続きから終わらせます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="207"/>
        <source>The package&apos;s passphrase (agreed with the office; not the ledger&apos;s):</source>
        <translation>同期ファイルの合言葉（事務所と決めたもの。台帳の合言葉とは別）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="231"/>
        <source>Sync package for the office</source>
        <translation>事務所へ渡す同期ファイル</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="236"/>
        <location filename="../../app/ui/mainwindow/sync.py" line="250"/>
        <source>Sync packages (*.sqlite3)</source>
        <translation>同期ファイル (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="241"/>
        <source>Saved {n} changes to {path}: take it to the office.</source>
        <translation>{n} 件の変更を {path} に保存しました。事務所へ持って行ってください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/sync.py" line="246"/>
        <source>Sync package from the office</source>
        <translation>事務所からの同期ファイル</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="163"/>
        <location filename="../../app/ui/mainwindow/imports.py" line="124"/>
        <location filename="../../app/ui/mainwindow/meeting.py" line="384"/>
        <location filename="../../app/ui/mainwindow/plans.py" line="175"/>
        <location filename="../../app/ui/mainwindow/plans.py" line="202"/>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="79"/>
        <source>Saved {path}</source>
        <translation>保存しました：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="175"/>
        <source>CSV, GeoJSON or Shapefile (*.csv *.geojson *.json *.shp)</source>
        <translation>CSV・GeoJSON・Shapefile (*.csv *.geojson *.json *.shp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="185"/>
        <location filename="../../app/ui/mainwindow/emergency.py" line="252"/>
        <location filename="../../app/ui/mainwindow/imports.py" line="205"/>
        <source>Importing {file}…</source>
        <translation>{file} を取り込み中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="218"/>
        <source>Import cancelled: nothing was changed.</source>
        <translation>取り込みを取りやめました。台帳は変わっていません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="214"/>
        <source>Imported: {summary}</source>
        <translation>取り込みました：{summary}</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="147"/>
        <source>Export GeoJSON</source>
        <translation>GeoJSONの書き出し</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="148"/>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="155"/>
        <source>Saved {path}: {summary}</source>
        <translation>{path} に保存しました：{summary}</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="168"/>
        <source>Another import or a sync is still running: wait for it to finish.</source>
        <translation>ほかの取り込みか同期の途中です。終わるまでお待ちください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="227"/>
        <source>Import watch-network record form</source>
        <translation>見守りネットワーク記録用紙の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="242"/>
        <source>Import roster</source>
        <translation>名簿の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="243"/>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>名簿 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/window.py" line="427"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/window.py" line="428"/>
        <source>The new language is used from the next start of Sasaeai Map.</source>
        <translation>新しい言語は、支え合いマップを次に起動したときから使われます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_job.py" line="95"/>
        <source>Writing {file}…</source>
        <translation>{file} を書き出し中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_job.py" line="105"/>
        <source>Cancelled: {file} was not written.</source>
        <translation>取りやめました。{file} は書き出していません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/pdf.py" line="73"/>
        <source>Making {file}…</source>
        <translation>{file} を作成中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/plans.py" line="41"/>
        <source>Evacuation plans: priority</source>
        <translation>個別避難計画：優先順位</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/plans.py" line="54"/>
        <source>The plans&apos; priority list</source>
        <translation>個別避難計画の優先順位リスト</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/plans.py" line="88"/>
        <source>A plan</source>
        <translation>個別避難計画</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/plans.py" line="130"/>
        <source>Edit evacuation plan</source>
        <translation>個別避難計画の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/plans.py" line="152"/>
        <source>No one is on the list: no plans to write.</source>
        <translation>一覧に該当する人がいないため、書き出す計画がありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/plans.py" line="164"/>
        <location filename="../../app/ui/mainwindow/plans.py" line="188"/>
        <source>Save the evacuation plans</source>
        <translation>個別避難計画の保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="54"/>
        <source>Safety check</source>
        <translation>安否確認</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="80"/>
        <source>The roll call</source>
        <translation>安否確認の名簿</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="273"/>
        <source>Record safety check</source>
        <translation>安否確認の記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="323"/>
        <source>Start incident</source>
        <translation>災害対応の開始</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="328"/>
        <source>Started the incident {name}.</source>
        <translation>災害「{name}」の対応を始めました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="339"/>
        <source>Close the incident {name}? Its 1 check is kept; no new check can be recorded in it.</source>
        <translation>災害 {name} を終了しますか？確認記録 1 件は残ります。以後は確認を記録できません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="341"/>
        <source>Close the incident {name}? Its {count} checks are kept; no new check can be recorded in it.</source>
        <translation>災害「{name}」の対応を終了しますか？ {count}件の確認記録は残りますが、新しい確認は記録できなくなります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="345"/>
        <source>Close incident</source>
        <translation>災害対応の終了</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="350"/>
        <source>Closed the incident {name}; its 1 check is kept.</source>
        <translation>災害 {name} を終了しました。確認記録 1 件は残ります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="351"/>
        <source>Closed the incident {name}; its {count} checks are kept.</source>
        <translation>災害「{name}」の対応を終了しました。{count}件の確認記録は残してあります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="102"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="165"/>
        <source>Recording {file}…</source>
        <translation>{file} を記録中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="173"/>
        <source>Recorded 1 check from {file}.</source>
        <translation>{file} から確認 1 件を記録しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="174"/>
        <source>Recorded {count} checks from {file}.</source>
        <translation>{file} から {count}件の確認を記録しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/base.py" line="41"/>
        <source>{what} shows names: leave projector mode to open it.</source>
        <translation>{what}には氏名が表示されます。開くにはプロジェクターモードを終了してください。</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="115"/>
        <source>Liaison meeting</source>
        <translation>福祉連絡会</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="122"/>
        <source>Town welfare liaison meeting (町内福祉連絡会)</source>
        <translation>町内福祉連絡会</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="123"/>
        <source>District welfare network meeting (地区福祉ネットワーク会議)</source>
        <translation>地区福祉ネットワーク会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="126"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="126"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="136"/>
        <source>Held on</source>
        <translation>開催日</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="137"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="138"/>
        <source>Attendees</source>
        <translation>出席者</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="139"/>
        <source>Notes</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="200"/>
        <source>What was typed for this meeting is not recorded yet. Record it?</source>
        <translation>この会議に入力した内容はまだ記録されていません。記録しますか？</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="227"/>
        <source>Liaison meeting · review</source>
        <translation>福祉連絡会・見直し</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="229"/>
        <source>The meeting the reviews are recorded for</source>
        <translation>見直しを記録する会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="230"/>
        <source>New meeting…</source>
        <translation>新しい会議…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="231"/>
        <source>Edit…</source>
        <translation>訂正…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="232"/>
        <source>Correct the meeting&apos;s day, attendees or notes</source>
        <translation>開催日・出席者・メモを訂正します</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="233"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="234"/>
        <source>Take this meeting off the list (its reviews are kept)</source>
        <translation>この会議を一覧から外します（見直しの記録は残ります）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="244"/>
        <source>Reviewed at this meeting</source>
        <translation>この会議で見直し済み</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="245"/>
        <source>Due for review</source>
        <translation>見直しが必要</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="248"/>
        <source>Persons to review</source>
        <translation>見直す人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="253"/>
        <source>A short note (optional)</source>
        <translation>ひとことメモ（なくてもよい）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="267"/>
        <source>Due and overdue…</source>
        <translation>確認が必要なこと…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="268"/>
        <source>What changed…</source>
        <translation>前回からの変化…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="269"/>
        <source>Overview…</source>
        <translation>全体のようす…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="270"/>
        <source>Self-check…</source>
        <translation>体制チェック…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="271"/>
        <source>Copies out…</source>
        <translation>配布資料の回収…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="309"/>
        <source>(no meeting: review only)</source>
        <translation>（会議なし：見直しだけ）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="312"/>
        <source>{day}  reviews: {count}</source>
        <translation>{day}&#x3000;見直し {count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="347"/>
        <source>No meeting chosen: reviews are recorded without one; due for review: {due} of {total}</source>
        <translation>会議を選んでいません（見直しは会議なしで記録されます）。見直しの時期：{total} 人中 {due} 人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="350"/>
        <source>{done} of {total} reviewed at this meeting; due for review: {due}</source>
        <translation>この会議で {total} 人中 {done} 人を見直しました（見直しの時期：{due} 人）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="384"/>
        <source>watchers: {n}</source>
        <translation>見守り者 {n} 人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="377"/>
        <source>Choose a person: the map follows.</source>
        <translation>人を選ぶと、地図がその家を映します。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="379"/>
        <source>last reviewed {day}: {outcome}</source>
        <translation>前回の見直し {day}：{outcome}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="382"/>
        <source>never reviewed</source>
        <translation>まだ見直していません</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="81"/>
        <source>{pages} pages</source>
        <translation>{pages}ページ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="63"/>
        <source>Save PDF…</source>
        <translation>PDFを保存…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="64"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="71"/>
        <source>For whom:</source>
        <translation>渡す相手：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="83"/>
        <source>Rule applied: {rule}</source>
        <translation>適用した規則：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="110"/>
        <source>Save PDF</source>
        <translation>PDFの保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="111"/>
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
        <location filename="../../app/ui/person_list.py" line="28"/>
        <location filename="../../app/ui/person_list.py" line="90"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="34"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="54"/>
        <source>Hazard</source>
        <translation>ハザード</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="69"/>
        <source>Persons</source>
        <translation>人の一覧</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="92"/>
        <source>Household</source>
        <translation>世帯名</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="94"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="102"/>
        <source>Filter by name, reading, No. or address</source>
        <translation>氏名・ふりがな・番号・住所で絞り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="103"/>
        <source>Full/half width and hiragana/katakana are ignored</source>
        <translation>全角・半角、ひらがな・カタカナの違いは気にせず探します</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="104"/>
        <source>Filter the list</source>
        <translation>一覧を絞り込む</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="119"/>
        <source>In map-number order</source>
        <translation>地図番号の順</translation>
    </message>
    <message>
        <location filename="../../app/ui/person_list.py" line="120"/>
        <source>In 五十音 order (by reading)</source>
        <translation>五十音順（ふりがな）</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="253"/>
        <source>Gathering place</source>
        <translation>たまり場</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="257"/>
        <source>Salon</source>
        <translation>サロン</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="258"/>
        <source>Meeting hall</source>
        <translation>公民館・集会所</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="259"/>
        <source>Café</source>
        <translation>カフェ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="260"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="264"/>
        <source>e.g. 毎週水曜 10:00〜12:00</source>
        <translation>例：毎週水曜 10:00〜12:00</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="267"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="268"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="269"/>
        <source>Schedule</source>
        <translation>開いている日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="270"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="276"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../app/ui/mainwindow/plans.py" line="215"/>
        <location filename="../../app/ui/plan_dialog.py" line="77"/>
        <source>Evacuation plan: {name}</source>
        <translation>個別避難計画：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="264"/>
        <source>No.{number}  {name}  {address}
Hazards at home: {hazards}</source>
        <translation>No.{number}  {name}  {address}
自宅のハザード：{hazards}</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="93"/>
        <source>At 高齢者等避難 (level 3)</source>
        <translation>高齢者等避難（警戒レベル3）の発令時</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="94"/>
        <source>At 避難指示 (level 4)</source>
        <translation>避難指示（警戒レベル4）の発令時</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="95"/>
        <source>Other (write when)</source>
        <translation>その他（時期を記入）</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="56"/>
        <location filename="../../app/ui/plan_dialog.py" line="113"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="57"/>
        <location filename="../../app/ui/plan_dialog.py" line="113"/>
        <source>Relation</source>
        <translation>続柄・関係</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="58"/>
        <location filename="../../app/ui/plan_dialog.py" line="113"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="322"/>
        <source>(add a watcher of this person)</source>
        <translation>（この人の見守り者から追加）</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="119"/>
        <source>Another supporter</source>
        <translation>支援者をもう1人</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="224"/>
        <source>Supporter {number}, {column}</source>
        <translation>避難支援者{number}の{column}</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="226"/>
        <source>Supporter {number}</source>
        <translation>避難支援者{number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="248"/>
        <source>Not saved: “{field}” is not a date this app understands.</source>
        <translation>保存していません：「{field}」が日付として読み取れません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="292"/>
        <source>Emergency contacts: {contacts}
Family doctor: {doctor}</source>
        <translation>緊急連絡先：{contacts}
かかりつけ医：{doctor}</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="42"/>
        <location filename="../../app/ui/plan_dialog.py" line="132"/>
        <source>Shelter</source>
        <translation>避難先</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="42"/>
        <location filename="../../app/ui/plan_dialog.py" line="133"/>
        <source>Route</source>
        <translation>避難経路</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="43"/>
        <location filename="../../app/ui/plan_dialog.py" line="134"/>
        <source>Means of transport</source>
        <translation>移動手段</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="44"/>
        <location filename="../../app/ui/plan_dialog.py" line="45"/>
        <location filename="../../app/ui/plan_dialog.py" line="135"/>
        <source>When to start</source>
        <translation>避難を始める時期</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="46"/>
        <location filename="../../app/ui/plan_dialog.py" line="137"/>
        <source>Mobility</source>
        <translation>移動の状態</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="47"/>
        <location filename="../../app/ui/plan_dialog.py" line="138"/>
        <source>Medical devices</source>
        <translation>医療機器</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="48"/>
        <location filename="../../app/ui/plan_dialog.py" line="139"/>
        <source>Medication</source>
        <translation>服薬</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="49"/>
        <location filename="../../app/ui/plan_dialog.py" line="141"/>
        <source>Communication</source>
        <translation>意思疎通</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="50"/>
        <location filename="../../app/ui/plan_dialog.py" line="59"/>
        <location filename="../../app/ui/plan_dialog.py" line="114"/>
        <location filename="../../app/ui/plan_dialog.py" line="142"/>
        <source>Consent to sharing</source>
        <translation>情報提供への同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="51"/>
        <location filename="../../app/ui/plan_dialog.py" line="143"/>
        <location filename="../../app/ui/plan_dialog.py" line="244"/>
        <source>Consent date</source>
        <translation>同意日</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="52"/>
        <location filename="../../app/ui/plan_dialog.py" line="144"/>
        <location filename="../../app/ui/plan_dialog.py" line="244"/>
        <source>Made on</source>
        <translation>作成日</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="52"/>
        <location filename="../../app/ui/plan_dialog.py" line="145"/>
        <location filename="../../app/ui/plan_dialog.py" line="245"/>
        <source>Reviewed on</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="53"/>
        <location filename="../../app/ui/plan_dialog.py" line="146"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="54"/>
        <location filename="../../app/ui/plan_dialog.py" line="151"/>
        <source>Evacuation supporters (two or more)</source>
        <translation>避難支援等実施者（2人以上）</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="102"/>
        <source>Copied from the emergency card&apos;s medical notes. Check it with the person: once saved, it is printed on the plan.</source>
        <translation>緊急連絡カードの「服薬・アレルギー等」から写しました。本人に確認してください。保存すると計画書に印刷されます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="168"/>
        <source>This plan as PDF…</source>
        <translation>この計画をPDFに…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="177"/>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="177"/>
        <source>No</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="177"/>
        <source>Not asked yet</source>
        <translation>まだ聞いていない</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="340"/>
        <source>This plan has changes that are not saved. Save them before closing?</source>
        <translation>この計画には保存していない変更があります。閉じる前に保存しますか？</translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="19"/>
        <source>Rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="21"/>
        <source>Score</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="23"/>
        <source>Town</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="24"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="26"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="27"/>
        <source>Plan</source>
        <translation>計画</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="28"/>
        <source>made</source>
        <translation>作成済み</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="28"/>
        <source>not yet</source>
        <translation>未作成</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="30"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="47"/>
        <source>Find a name</source>
        <translation>氏名で探す</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="55"/>
        <source>Open the plan</source>
        <translation>計画を開く</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="56"/>
        <source>Plans as PDF…</source>
        <translation>計画をPDFで…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="57"/>
        <source>Plans as Excel…</source>
        <translation>計画をExcelで…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="59"/>
        <source>District</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="61"/>
        <source>Welfare commissioner</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="87"/>
        <source>(all)</source>
        <translation>（すべて）</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans_panel.py" line="101"/>
        <source>{count} persons needing support, {without} without a plan yet</source>
        <translation>避難行動要支援者 {count}人、うち計画未作成 {without}人</translation>
    </message>
</context>
<context>
    <name>SafetyPanel</name>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="50"/>
        <source>Start an incident</source>
        <translation>災害対応を始める</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="53"/>
        <source>e.g. 令和8年7月 大雨</source>
        <translation>例：令和8年7月 大雨</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="73"/>
        <location filename="../../app/ui/incident_dialog.py" line="123"/>
        <location filename="../../app/ui/safety_panel.py" line="58"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="74"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="75"/>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="76"/>
        <source>Towns</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="78"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="108"/>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="141"/>
        <source>Read back a ticked checklist</source>
        <translation>記入済みの確認表を読み込む</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="113"/>
        <source>1 check</source>
        <translation>1 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="114"/>
        <source>{count} checks</source>
        <translation>{count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="115"/>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="116"/>
        <source>{count} rows</source>
        <translation>{count} 行</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="117"/>
        <source>{file}: {checks} to record in {incident}, {rows} left empty.</source>
        <translation>{file}：{incident} に記録する確認 {checks}、空欄の行 {rows}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="122"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="122"/>
        <location filename="../../app/ui/safety_panel.py" line="56"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="123"/>
        <location filename="../../app/ui/safety_panel.py" line="59"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="124"/>
        <location filename="../../app/ui/safety_panel.py" line="63"/>
        <source>By</source>
        <translation>確認者</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="124"/>
        <location filename="../../app/ui/safety_panel.py" line="62"/>
        <source>Checked</source>
        <translation>確認日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="147"/>
        <source>Record 1 check</source>
        <translation>1 件を記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="148"/>
        <source>Record {count} checks</source>
        <translation>{count}件の確認を記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/incident_dialog.py" line="156"/>
        <source>Fix these rows in the file and read it again; nothing is recorded while one is wrong:</source>
        <translation>ファイルの次の行を直してから、もう一度読み込んでください。誤りが1つでもある間は何も記録しません：</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="127"/>
        <source>{count} incidents are open in this town ({names}): {name} is shown, and Close closes it. Close the one no longer in use.</source>
        <translation>この町内で {count} 件の災害が開いています（{names}）。表示中で「終了」で閉じるのは {name} です。使わない方を終了してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="244"/>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="68"/>
        <source>No incident is open: start one first.</source>
        <translation>対応中の災害がありません。先に災害対応を始めてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="252"/>
        <source>The incident {name} is closed: no check can be added. Its checks are kept.</source>
        <translation>災害「{name}」の対応は終了しています。確認を追加できません。確認記録は残してあります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety.py" line="259"/>
        <source>“{joined}” was joined into “{kept}” by a sync (two laptops had started one): this check is recorded in “{kept}”.</source>
        <translation>同期で「{joined}」は「{kept}」にまとめられていました（2台のパソコンで別々に始められていたため）。この確認は「{kept}」に記録しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="41"/>
        <source>One list per welfare commissioner (民生委員)</source>
        <translation>民生委員ごとに1枚</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="42"/>
        <source>One list per watcher (見守り者)</source>
        <translation>見守り者ごとに1枚</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="43"/>
        <source>One list per shelter (避難所)</source>
        <translation>避難所ごとに1枚</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="94"/>
        <source>Checklists</source>
        <translation>確認表</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="95"/>
        <source>Which lists?</source>
        <translation>どの確認表を作りますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="100"/>
        <source>Save the checklists</source>
        <translation>確認表の保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="113"/>
        <source>Save the checklist to type into</source>
        <translation>入力用の確認表の保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="125"/>
        <source>Save the incident&apos;s log</source>
        <translation>災害対応の記録の保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="48"/>
        <source>This town had two safety checks open (started on two laptops): “{joined}” (started {joined_start}) was joined into “{kept}” (started {kept_start}), which was started first. Its {count} checks now show here.</source>
        <translation>この町で2つの安否確認が別々のパソコンで始められていました。「{joined}」（{joined_start} 開始）を、先に始めた「{kept}」（{kept_start} 開始）にまとめました（確認 {count} 件をこちらに表示しています）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="60"/>
        <source>Hazard</source>
        <translation>ハザード</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="64"/>
        <source>How</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="65"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="112"/>
        <source>No incident is open. Start one to check on every person needing support: the roll call lists them deepest hazard first.</source>
        <translation>対応中の災害がありません。災害対応を始めると、支援が必要な人すべての安否を確認できます。名簿はハザードの大きい人から並びます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="117"/>
        <source>Start an incident…</source>
        <translation>災害対応を始める…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="119"/>
        <source>Close the incident…</source>
        <translation>災害対応を終了…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="123"/>
        <source>Papers and projector</source>
        <translation>用紙とプロジェクター</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="126"/>
        <source>Checklists (PDF)…</source>
        <translation>確認表（PDF）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="127"/>
        <source>Checklist to type into (Excel)…</source>
        <translation>入力用の確認表（Excel）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="128"/>
        <source>Read back a ticked checklist…</source>
        <translation>記入済みの確認表を読み込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="129"/>
        <source>Log for the city (Excel)…</source>
        <translation>市への報告用の記録（Excel）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="130"/>
        <source>Projector view (no names)</source>
        <translation>プロジェクター表示（氏名なし）</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="139"/>
        <source>Search name or number</source>
        <translation>氏名・番号で検索</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="145"/>
        <source>Who checked</source>
        <translation>確認者</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="150"/>
        <source>Shelter (when evacuated)</source>
        <translation>避難先（避難したとき）</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="152"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="188"/>
        <source>History of the selected person</source>
        <translation>選んだ人の確認の履歴</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="197"/>
        <source>Every status</source>
        <translation>すべての状況</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="211"/>
        <location filename="../../app/ui/safety_projector.py" line="93"/>
        <source>No incident is open.</source>
        <translation>対応中の災害はありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="212"/>
        <source>Open incident: {name} ({kind}, since {start})</source>
        <translation>対応中の災害：{name}（{kind}、{start}から）</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="229"/>
        <source>Every district</source>
        <translation>すべての地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_panel.py" line="231"/>
        <source>Every commissioner</source>
        <translation>すべての民生委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_projector.py" line="61"/>
        <source>Safety check — 災害対策本部</source>
        <translation>安否確認 — 災害対策本部</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_projector.py" line="71"/>
        <source>Close the projector view</source>
        <translation>プロジェクター表示を閉じる</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_projector.py" line="96"/>
        <source>Safety check: {name}</source>
        <translation>安否確認：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_projector.py" line="97"/>
        <source>Counts of persons needing support, no names. Updated {time}.</source>
        <translation>支援が必要な人の人数（氏名なし）。{time} 更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_projector.py" line="100"/>
        <source>District</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety_projector.py" line="103"/>
        <location filename="../../app/ui/safety_projector.py" line="110"/>
        <source>Total</source>
        <translation>合計</translation>
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
        <location filename="../../app/ui/selfcheck_dialog.py" line="88"/>
        <source>Organisation self-check</source>
        <translation>体制チェック表</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="93"/>
        <source>The fiscal year (年度, April to March) the answers are for</source>
        <translation>回答する年度（4月〜翌年3月）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="99"/>
        <source>Who answered (optional)</source>
        <translation>回答者（任意）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="101"/>
        <source>A remark on the whole list (optional)</source>
        <translation>全体についての所見（任意）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="108"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="109"/>
        <source>Checker</source>
        <translation>チェック者</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="110"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="111"/>
        <source>Remark</source>
        <translation>所見</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="133"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="166"/>
        <source>Answer</source>
        <translation>回答する</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="167"/>
        <source>Compare years</source>
        <translation>年度を比べる</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="169"/>
        <source>Save answers</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="223"/>
        <source>The answers for {year}, {checker} are not saved. Save them first?</source>
        <translation>{year}・{checker} の回答はまだ保存されていません。先に保存しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="257"/>
        <source>Not answered yet for this year and checker.</source>
        <translation>この年度・チェック者ではまだ回答がありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="259"/>
        <source>Answered on {date}.</source>
        <translation>{date} に回答済み。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="269"/>
        <source>{ticked} of {items} in place</source>
        <translation>{items} 項目中 {ticked} 項目あり</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="284"/>
        <source>Saved: {ticked} of {items} items in place.</source>
        <translation>保存しました：{items} 項目中 {ticked} 項目にチェック。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="294"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="294"/>
        <source>Since the year before</source>
        <translation>前年度から</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="305"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="323"/>
        <source>{checker}: no year answered yet.</source>
        <translation>{checker}：まだどの年度も回答がありません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="325"/>
        <source>{checker}: only {year} is answered; answer another year to compare.</source>
        <translation>{checker}：回答は {year} だけです。比べるには別の年度も回答してください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="328"/>
        <source>{checker}, since the year before: newly in place {improved}, no longer in place {worsened}.</source>
        <translation>{checker}：前年と比べて、新たにできた項目 {improved}、できなくなった項目 {worsened}。</translation>
    </message>
</context>
<context>
    <name>SharingBanner</name>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="48"/>
        <source>Return to normal times…</source>
        <translation>平常時に戻す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="60"/>
        <source>DISASTER MODE (災害対策基本法第49条の11第3項): papers for watchers and agencies show every name, whatever the consent. Switched on by {who} at {when}. Reason: {why}</source>
        <translation>災害時モード（災害対策基本法第49条の11第3項）: 見守り者・関係機関向けの資料には同意の有無を問わず全員の氏名が載ります。切替: {who}（{when}） 理由: {why}</translation>
    </message>
</context>
<context>
    <name>SharingModeDialog</name>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="72"/>
        <source>Switch to disaster mode</source>
        <translation>災害時モードに切り替える</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="72"/>
        <source>Return to normal times</source>
        <translation>平常時に戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="74"/>
        <source>Article 49-11(3) of the Disaster Countermeasures Basic Act allows the list of persons needing evacuation support to be given to responders without consent when lives are at risk.
While disaster mode is on, new papers for watchers and agencies name everyone and say so on every page. Papers made before keep their masking. The switch is recorded.</source>
        <translation>災害対策基本法第49条の11第3項により、災害が発生し生命・身体を保護するため特に必要があるときは、本人の同意がなくても避難行動要支援者名簿を避難支援等関係者に提供できます。
災害時モードの間に作る見守り者・関係機関向けの資料には全員の氏名が載り、各ページにその旨が印刷されます。それ以前に作った資料は匿名のままです。切替は記録されます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="78"/>
        <source>Papers made from now on apply the consent rule again. The switch is recorded.</source>
        <translation>これから作る資料には再び同意の規則が適用されます。切替は記録されます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="82"/>
        <source>e.g. 避難指示 issued for the river district at 14:00</source>
        <translation>例: 14時 川沿い地区に避難指示発令</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="83"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="85"/>
        <source>Who decides</source>
        <translation>判断した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/sharing_widgets.py" line="86"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>TownDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="182"/>
        <source>New town</source>
        <translation>町内の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="184"/>
        <source>e.g. 味真野地区</source>
        <translation>例：味真野地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="186"/>
        <source>e.g. 余川町</source>
        <translation>例：余川町</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="188"/>
        <source>District (地区)</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="189"/>
        <source>Town (町内)</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="194"/>
        <source>Which town will this map show?</source>
        <translation>この地図はどの町内ですか？</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/unlock.py" line="48"/>
        <source>District head (区長)</source>
        <translation>区長</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="49"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="50"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation>福祉推進員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="51"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation>老人家庭相談員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="52"/>
        <source>社協 staff</source>
        <translation>社協職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="53"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="62"/>
        <source>New ledger: choose a passphrase</source>
        <translation>新しい台帳：合言葉を決める</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="62"/>
        <source>Unlock the ledger</source>
        <translation>台帳のロックを解除</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="64"/>
        <source>The ledger holds personal information and is encrypted. Choose a passphrase you will remember: without it nobody, not even you, can open the ledger.</source>
        <translation>台帳には個人情報が入るため暗号化します。忘れない合言葉を決めてください。合言葉がないと、だれも（あなたも）台帳を開けません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="66"/>
        <source>Enter the passphrase of the ledger
{path}</source>
        <translation>台帳の合言葉を入れてください
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="73"/>
        <source>Your name</source>
        <translation>あなたの名前</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="81"/>
        <source>Passphrase</source>
        <translation>合言葉</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="83"/>
        <source>Once more</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="85"/>
        <source>Who is working</source>
        <translation>作業する人</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="86"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="98"/>
        <source>Please enter the passphrase.</source>
        <translation>合言葉を入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="101"/>
        <source>The two passphrases differ. Please type them again.</source>
        <translation>二つの合言葉が違います。もう一度入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="184"/>
        <source>Folder for your own ledger</source>
        <translation>自分の台帳を置くフォルダー</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="193"/>
        <source>Make my own ledger</source>
        <translation>自分の台帳を作る</translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="181"/>
        <source>Step II · Who watches over whom</source>
        <translation>ステップⅡ・誰が誰を見守るか</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="184"/>
        <source>Only those nobody watches over yet</source>
        <translation>見守り者がまだいない人だけ</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="188"/>
        <source>Nobody watches over them yet</source>
        <translation>見守り者がまだいません</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="190"/>
        <source>Watchers</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="190"/>
        <source>1 watcher</source>
        <translation>見守り者 1 人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="195"/>
        <source>Persons of concern</source>
        <translation>気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="196"/>
        <source>Highest hazard first</source>
        <translation>ハザードの大きい順</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="205"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="205"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="205"/>
        <source>Involvement</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="206"/>
        <source>How often</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="212"/>
        <source>Add watcher…</source>
        <translation>見守り者を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="213"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="214"/>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="218"/>
        <source>Export record form (Excel)…</source>
        <translation>記録用紙を書き出す（Excel）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="219"/>
        <source>Import record form…</source>
        <translation>記録用紙を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="307"/>
        <source>1 person of concern; {gaps} with nobody watching over them yet (!)</source>
        <translation>気がかりな人 1 人、うち見守り者がまだいない人 {gaps} 人 (!)</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="309"/>
        <source>{total} persons of concern; {gaps} with nobody watching over them yet (!)</source>
        <translation>気がかりな人 {total}人、うち見守り者がまだいない人 {gaps}人 (!)</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="329"/>
        <source>Hazard: {text}</source>
        <translation>ハザード：{text}</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="192"/>
        <source>no watcher</source>
        <translation>見守り者なし</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="191"/>
        <source>{n} watchers</source>
        <translation>見守り者 {n}人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="319"/>
        <source>Choose a person of concern from the list or on the map.</source>
        <translation>一覧か地図で、気がかりな人を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="324"/>
        <source>Phone: {phone}</source>
        <translation>電話：{phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="326"/>
        <source>Concerns: {text}</source>
        <translation>気になるところ：{text}</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="123"/>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="124"/>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="125"/>
        <source>archived</source>
        <translation>保管（使用終了）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="126"/>
        <source>restored</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="127"/>
        <source>removed for good</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="134"/>
        <source>Household</source>
        <translation>世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="135"/>
        <source>Person</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="136"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="137"/>
        <source>Watching over</source>
        <translation>見守り</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="138"/>
        <source>Emergency card</source>
        <translation>緊急連絡カード</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="139"/>
        <source>Emergency contact</source>
        <translation>緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="140"/>
        <source>Agency</source>
        <translation>関係機関</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="141"/>
        <source>District</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="142"/>
        <source>Town</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="143"/>
        <source>Base map</source>
        <translation>背景の地図</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="144"/>
        <source>Control point of the base map</source>
        <translation>地図の基準点</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="145"/>
        <source>Shelter or facility</source>
        <translation>避難所・施設</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="146"/>
        <source>Gathering place</source>
        <translation>たまり場</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="147"/>
        <source>Household category</source>
        <translation>世帯の区分</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="148"/>
        <source>Liaison meeting</source>
        <translation>福祉連絡会</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="149"/>
        <source>Meeting attendee</source>
        <translation>連絡会の出席者</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="150"/>
        <source>Review at a meeting</source>
        <translation>連絡会での見直し</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="151"/>
        <source>Evacuation plan</source>
        <translation>個別避難計画</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="152"/>
        <source>Evacuation supporter</source>
        <translation>避難支援者</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="153"/>
        <source>Hazard layer</source>
        <translation>ハザードの図層</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="154"/>
        <source>Hazard zone</source>
        <translation>ハザードの区域</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="155"/>
        <source>Disaster (incident)</source>
        <translation>災害</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="156"/>
        <source>Safety check</source>
        <translation>安否確認</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="157"/>
        <source>Self-check</source>
        <translation>自己点検</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="158"/>
        <source>Self-check answer</source>
        <translation>自己点検の回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="159"/>
        <source>Printed or exported copy</source>
        <translation>印刷・書き出しの記録</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="160"/>
        <source>Sharing mode</source>
        <translation>共有モード</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="169"/>
        <source>order in the household</source>
        <translation>世帯の中の順番</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="170"/>
        <source>made at</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="172"/>
        <source>towns</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="173"/>
        <source>district</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="174"/>
        <source>disaster</source>
        <translation>災害</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="175"/>
        <source>started at</source>
        <translation>始まった日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="176"/>
        <source>checked at</source>
        <translation>確認した日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="177"/>
        <source>checked by</source>
        <translation>確認した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="178"/>
        <source>how it was checked</source>
        <translation>確認の方法</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="179"/>
        <source>recorded at</source>
        <translation>記録した日時</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="180"/>
        <source>recorded on the computer</source>
        <translation>記録したパソコン</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="181"/>
        <source>where they are</source>
        <translation>いる場所</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="182"/>
        <source>shelter</source>
        <translation>避難先</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="183"/>
        <source>evacuation plan</source>
        <translation>個別避難計画</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="185"/>
        <source>family doctor (written in)</source>
        <translation>かかりつけ医（手書き）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="186"/>
        <source>watching since</source>
        <translation>見守りを始めた日</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="187"/>
        <source>when it meets</source>
        <translation>開く日</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="188"/>
        <source>position is approximate</source>
        <translation>位置はおおよそ</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="189"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="190"/>
        <source>file name as chosen</source>
        <translation>元のファイル名</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="191"/>
        <source>credit</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="192"/>
        <source>made by</source>
        <translation>作成した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="193"/>
        <source>number</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="194"/>
        <source>consent: on the community&apos;s map</source>
        <translation>同意：地域の地図への掲載</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="195"/>
        <source>consent: to the watchers</source>
        <translation>同意：見守り者への提供</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="196"/>
        <source>consent: to the agencies</source>
        <translation>同意：関係機関への提供</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="197"/>
        <source>consent: date</source>
        <translation>同意：日付</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="198"/>
        <source>consent: recorded by</source>
        <translation>同意：記録した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="199"/>
        <source>care manager</source>
        <translation>ケアマネジャー</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="200"/>
        <source>care office</source>
        <translation>居宅介護支援事業所</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="201"/>
        <source>family doctor</source>
        <translation>かかりつけ医</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="202"/>
        <source>community support centre</source>
        <translation>地域包括支援センター</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="203"/>
        <source>welfare commissioner</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="204"/>
        <source>made on</source>
        <translation>作成日</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="205"/>
        <source>reviewed on</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="206"/>
        <source>file name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="207"/>
        <source>attribution</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="208"/>
        <source>household</source>
        <translation>世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="209"/>
        <source>person</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="210"/>
        <source>watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="171"/>
        <location filename="../../app/ui/privacy_dialogs.py" line="211"/>
        <source>town</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="212"/>
        <source>categories</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="213"/>
        <source>relationship</source>
        <translation>続柄</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="184"/>
        <location filename="../../app/ui/privacy_dialogs.py" line="214"/>
        <source>order</source>
        <translation>順番</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="215"/>
        <source>paper</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="216"/>
        <source>title</source>
        <translation>題名</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="217"/>
        <source>for whom</source>
        <translation>渡す相手</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="218"/>
        <source>serial number</source>
        <translation>通し番号</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../app/ui/commands.py" line="52"/>
        <source>“{step}” could not be undone: {reason} It was taken off the undo list.</source>
        <translation>「{step}」は元に戻せませんでした：{reason} この操作は「元に戻す」の一覧から外しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="54"/>
        <source>“{step}” could not be redone: {reason} It was taken off the undo list.</source>
        <translation>「{step}」はやり直せませんでした：{reason} この操作は「元に戻す」の一覧から外しました。</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/ui/unlock.py" line="124"/>
        <source>That passphrase does not open this ledger. Nothing was changed.</source>
        <translation>その合言葉ではこの台帳を開けません。台帳は変わっていません。</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="174"/>
        <source>Sasaeai Map</source>
        <translation>支え合いマップ</translation>
    </message>
</context>
<context>
    <name>emergency</name>
    <message>
        <location filename="../../app/emergency/views.py" line="56"/>
        <source>No emergency contact card yet</source>
        <translation>緊急連絡カードがまだありません</translation>
    </message>
    <message>
        <location filename="../../app/emergency/views.py" line="57"/>
        <source>Fewer than two emergency contacts</source>
        <translation>緊急連絡先が2人より少ない</translation>
    </message>
    <message>
        <location filename="../../app/emergency/views.py" line="58"/>
        <source>An emergency contact has no phone number</source>
        <translation>電話番号のない緊急連絡先がある</translation>
    </message>
    <message>
        <location filename="../../app/emergency/views.py" line="59"/>
        <source>No family doctor</source>
        <translation>かかりつけ医がない</translation>
    </message>
    <message>
        <location filename="../../app/emergency/views.py" line="60"/>
        <source>No community general support centre</source>
        <translation>地域包括支援センターが決まっていない</translation>
    </message>
    <message>
        <location filename="../../app/emergency/views.py" line="61"/>
        <source>No welfare commissioner in charge</source>
        <translation>担当の民生児童委員が決まっていない</translation>
    </message>
    <message>
        <location filename="../../app/emergency/views.py" line="62"/>
        <source>Where the card is kept is not recorded</source>
        <translation>カードの置き場所が書かれていない</translation>
    </message>
    <message>
        <location filename="../../app/emergency/views.py" line="63"/>
        <source>No review date</source>
        <translation>見直し日がない</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/models/engine.py" line="547"/>
        <location filename="../../app/privacy/lock.py" line="129"/>
        <source>cannot open the ledger for writing here ({detail}); is the folder read-only?</source>
        <translation>ここでは台帳に書き込めません（{detail}）。フォルダーが書き込み禁止になっていませんか？</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="554"/>
        <source>wrong passphrase, or the file is not a ledger</source>
        <translation>合言葉が違うか、台帳のファイルではありません</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="531"/>
        <source>this ledger is not encrypted yet: give a passphrase to encrypt it</source>
        <translation>この台帳はまだ暗号化されていません。暗号化のための合言葉を決めてください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="536"/>
        <source>this ledger is locked: enter its passphrase</source>
        <translation>この台帳はロックされています。合言葉を入力してください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="551"/>
        <source>wrong passphrase in {env}: it does not open this ledger, or the file is not a ledger</source>
        <translation>{env} の合言葉が違います（この台帳を開けません）。または、台帳のファイルではありません</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="121"/>
        <source>the passphrase must not contain a NUL character</source>
        <translation>合言葉に NUL 文字は使えません</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="119"/>
        <source>the passphrase must not be empty</source>
        <translation>合言葉を入力してください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="654"/>
        <source>the passphrase could not be changed</source>
        <translation>合言葉を変更できませんでした</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="475"/>
        <source>the ledger could not be encrypted; it was left as it was</source>
        <translation>台帳を暗号化できませんでした。台帳は元のままです</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="428"/>
        <source>the backup could not be written ({detail})</source>
        <translation>バックアップを書き込めませんでした（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="284"/>
        <source>could not save: the disk is full or the folder is read-only ({detail}); nothing was changed, free some space or choose another folder and try again</source>
        <translation>保存できませんでした：ディスクがいっぱいか、フォルダーが書き込み禁止です（{detail}）。何も変更されていません。空き容量を作るか別のフォルダーを選んで、もう一度お試しください</translation>
    </message>
    <message>
        <location filename="../../app/models/engine.py" line="532"/>
        <source>a new ledger needs a passphrase</source>
        <translation>新しい台帳には合言葉（パスフレーズ）が必要です</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="25"/>
        <source>no ledger at {path}</source>
        <translation>{path} に台帳がありません</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="115"/>
        <source>Agency lists are read from .csv or .xlsx files.</source>
        <translation>関係機関の一覧は .csv か .xlsx のファイルから読み込みます。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="159"/>
        <location filename="../../app/towns/gis_files.py" line="356"/>
        <location filename="../../app/towns/reference_layers.py" line="221"/>
        <location filename="../../app/watch/roster/reading.py" line="153"/>
        <source>The file is empty.</source>
        <translation>ファイルが空です。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="163"/>
        <source>No name column (センター名, 事業所名, 名称 …) in the header row.</source>
        <translation>見出しの行に名称の列（センター名、事業所名、名称 …）がありません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="167"/>
        <source>Please choose what kind of agencies the list holds.</source>
        <translation>この一覧がどの種類の機関か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="301"/>
        <source>{count} rows cannot be imported; first: {problem}</source>
        <translation>{count}行を取り込めません。最初の問題：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/emergency/card_pdf.py" line="253"/>
        <source>Print one or two cards per page.</source>
        <translation>1ページに印刷するカードは1枚か2枚にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/card_pdf.py" line="431"/>
        <source>Save the cards as .pdf or .xlsx.</source>
        <translation>カードは .pdf か .xlsx で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/contact_sheet.py" line="151"/>
        <source>Sort by kana or by map number.</source>
        <translation>ふりがな順か地図の番号順で並べてください。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/contact_sheet.py" line="467"/>
        <source>Save the sheet as .xlsx or .pdf.</source>
        <translation>緊急連絡表は .xlsx か .pdf で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/core/pdf_fonts.py" line="40"/>
        <source>The font file {path} does not exist.</source>
        <translation>フォントのファイル {path} がありません。</translation>
    </message>
    <message>
        <location filename="../../app/core/pdf_fonts.py" line="45"/>
        <source>No Japanese font found for the PDF. Install IPAex Gothic (fonts-ipaexfont-gothic) or set SASAEAI_PDF_FONT to a .ttf file.</source>
        <translation>PDFに使う日本語フォントが見つかりません。IPAexゴシック（fonts-ipaexfont-gothic）を入れるか、SASAEAI_PDF_FONT に .ttf ファイルを指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="71"/>
        <location filename="../../app/core/workbook_guard.py" line="107"/>
        <location filename="../../app/core/workbook_guard.py" line="122"/>
        <location filename="../../app/towns/gis_files.py" line="370"/>
        <location filename="../../app/towns/gis_files.py" line="496"/>
        <source>Cannot read the file: {reason}</source>
        <translation>ファイルを読み込めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/workbook_guard.py" line="129"/>
        <source>The file is neither UTF-8 nor Shift_JIS text.</source>
        <translation>このファイルは UTF-8 でも Shift_JIS でもありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="225"/>
        <source>No name column (name, 名称, 施設名 …) in the header row.</source>
        <translation>見出しの行に名称の列（name、名称、施設名 …）がありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="330"/>
        <source>Reference layers are read from .csv, .geojson or .shp files.</source>
        <translation>参考情報は .csv、.geojson、.shp のファイルから読み込みます。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="322"/>
        <source>Please choose what the file holds (shelters, community halls or clinics).</source>
        <translation>ファイルの中身を選んでください（避難所、公民館、診療所）。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/reading.py" line="118"/>
        <source>The text encoding of this CSV file is unknown.</source>
        <translation>このCSVファイルの文字コードがわかりません。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/reading.py" line="230"/>
        <source>Sheet {sheet}: no 氏名 (name) column was found in the header row {row}; choose the columns by hand.</source>
        <translation>シート「{sheet}」：見出しの行（{row}行目）に「氏名」の列がありません。列を手で選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/reading.py" line="249"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/reading.py" line="260"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is not a phone number (one number per cell, e.g. 0778-22-1234).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：「{text}」は電話番号ではありません（1つのセルに1つの番号、例：0778-22-1234）。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/reading.py" line="270"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is not a date (e.g. 昭和15年3月2日 or 1940/3/2).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：「{text}」は日付ではありません（例：昭和15年3月2日、1940/3/2）。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/reading.py" line="274"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the birth date 「{text}」 is in the future.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：生年月日「{text}」が今日より後の日付です。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/reading.py" line="279"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is not a household kind (世帯区分) the ledger knows. Write one of {kinds}, or leave the cell empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：「{text}」は台帳の世帯区分にありません。{kinds}のいずれかを書くか、空欄にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="75"/>
        <source>The workbook is password-protected or in the old .xls format. Remove the password or save it as .xlsx, then import again.</source>
        <translation>このブックはパスワードで保護されているか、古い .xls 形式です。パスワードを外すか .xlsx 形式で保存してから、もう一度取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="80"/>
        <source>This is not an Excel workbook (.xlsx).</source>
        <translation>Excelのブック（.xlsx）ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="87"/>
        <location filename="../../app/core/workbook_guard.py" line="56"/>
        <source>The workbook cannot be read: {reason}</source>
        <translation>ブックを読み込めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/workbook_guard.py" line="38"/>
        <source>The workbook cannot be opened safely: its part {part} would unpack to {size} MB ({ratio}× its packed size). A real workbook stays under {limit} MB and {max_ratio}×; the file is damaged or was made to harm.</source>
        <translation>ブックを安全に開けません。部品 {part} は展開すると {size} MB（圧縮時の {ratio} 倍）になります。実際のブックは {limit} MB・{max_ratio} 倍までに収まります。ファイルが壊れているか、害を与える目的で作られています。</translation>
    </message>
    <message>
        <location filename="../../app/core/workbook_guard.py" line="89"/>
        <source>Sheet {sheet}, row {row}: the sheet cannot be read ({reason}).</source>
        <translation>シート「{sheet}」{row}行目：シートを読み込めません（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/workbook_guard.py" line="95"/>
        <source>Sheet {sheet} has more than {limit} rows. Delete what lies below the list (even empty-looking rows) and import again.</source>
        <translation>シート「{sheet}」が {limit} 行を超えています。一覧より下にあるもの（空に見える行も）を削除して、もう一度取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../app/core/workbook_guard.py" line="110"/>
        <source>The file is {size} MB; at most {limit} MB can be imported.</source>
        <translation>ファイルの大きさが {size} MB あります。取り込めるのは {limit} MB までです。</translation>
    </message>
    <message>
        <location filename="../../app/core/workbook_guard.py" line="141"/>
        <source>Line {line}: the file cannot be read as CSV ({reason}).</source>
        <translation>{line}行目：CSV として読み込めません（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/workbook_guard.py" line="148"/>
        <source>The workbook has no worksheet.</source>
        <translation>ブックにワークシートがありません。</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="241"/>
        <source>Sheet {sheet}, row {row}, cell {cell} holds a formula; type the value itself instead.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}に数式が入っています。数式ではなく、値そのものを入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="259"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the {what} is {length} characters long (at most {limit}).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：{what}が長すぎます（{length}文字、最大{limit}文字）。</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="423"/>
        <source>Not one of the choices for this row.</source>
        <translation>この行の選択肢にありません。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_read.py" line="80"/>
        <source>No sheet holds a 見守りネットワーク記録用紙 (a header row with 「氏名」 and 「関わり方」). Sheets in the file: {sheets}</source>
        <translation>見守りネットワーク記録用紙（「氏名」と「関わり方」の見出しの行）のあるシートがありません。ファイルのシート：{sheets}</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_read.py" line="106"/>
        <source>Sheet {sheet}: the town name (町名) is missing.</source>
        <translation>シート「{sheet}」：町名がありません。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="392"/>
        <location filename="../../app/watch/watch_form_read.py" line="112"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: {reason}</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_read.py" line="184"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: this watcher is above the first person of concern (氏名).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：この見守り者は、最初の気がかりな人（氏名）より上に書かれています。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_read.py" line="199"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) of this person of concern is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：この気がかりな人の氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_read.py" line="204"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the watcher&apos;s name (氏名) is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：見守り者の氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/towns/addresses.py" line="60"/>
        <source>Not a usable address reference table: {reason}</source>
        <translation>住所の参照表として使えません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="468"/>
        <location filename="../../app/emergency/contact_sheet.py" line="201"/>
        <location filename="../../app/households/households.py" line="209"/>
        <location filename="../../app/households/places.py" line="52"/>
        <location filename="../../app/meeting/meetings.py" line="149"/>
        <location filename="../../app/meeting/meetings.py" line="461"/>
        <location filename="../../app/towns/basemaps.py" line="43"/>
        <location filename="../../app/towns/geojson_export.py" line="101"/>
        <location filename="../../app/towns/towns.py" line="72"/>
        <location filename="../../app/towns/towns.py" line="186"/>
        <location filename="../../app/towns/towns.py" line="214"/>
        <location filename="../../app/watch/network.py" line="188"/>
        <source>This town is no longer in the ledger.</source>
        <translation>この町内は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/core/validators.py" line="19"/>
        <source>Please enter a name.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/core/validators.py" line="20"/>
        <source>Too long: {length} characters (at most {limit}).</source>
        <translation>長すぎます：{length}文字（最大{limit}文字）。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="51"/>
        <source>Unknown kind of agency: {kind}</source>
        <translation>機関の種類がわかりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="58"/>
        <location filename="../../app/households/households.py" line="111"/>
        <source>Latitude {lat} / longitude {lon} is not on Earth.</source>
        <translation>緯度 {lat}／経度 {lon} は地球上の位置ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="74"/>
        <location filename="../../app/emergency/cards.py" line="297"/>
        <source>This agency is no longer in the directory.</source>
        <translation>この機関は一覧にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="174"/>
        <location filename="../../app/meeting/meetings.py" line="228"/>
        <location filename="../../app/meeting/meetings.py" line="399"/>
        <location filename="../../app/plans/plans.py" line="56"/>
        <location filename="../../app/safety/incidents.py" line="155"/>
        <source>This person is no longer in the ledger.</source>
        <translation>この人は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="314"/>
        <source>The review date is before the date the card was made.</source>
        <translation>見直しの日が、カードを作った日より前になっています。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="396"/>
        <location filename="../../app/emergency/cards.py" line="405"/>
        <source>This person has no emergency contact card.</source>
        <translation>この人の緊急連絡カードはありません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/cards.py" line="594"/>
        <location filename="../../app/hazards/exposure.py" line="372"/>
        <location filename="../../app/hazards/shelters.py" line="106"/>
        <location filename="../../app/households/households.py" line="103"/>
        <location filename="../../app/households/households.py" line="257"/>
        <source>This household is no longer in the ledger.</source>
        <translation>この世帯は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/households/households.py" line="70"/>
        <source>Unknown household category: {code}</source>
        <translation>世帯の区分がわかりません：{code}</translation>
    </message>
    <message>
        <location filename="../../app/households/households.py" line="108"/>
        <source>The position is not a number.</source>
        <translation>位置が数値ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/households/households.py" line="403"/>
        <source>A member needs a name.</source>
        <translation>世帯員の氏名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/households/households.py" line="432"/>
        <location filename="../../app/watch/network.py" line="164"/>
        <source>This member is no longer in the ledger.</source>
        <translation>この世帯員は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/demo/ledger_kind.py" line="38"/>
        <location filename="../../app/ui/unlock.py" line="189"/>
        <source>this folder already holds a ledger; choose another folder</source>
        <translation>このフォルダーにはすでに台帳があります。別のフォルダーを選んでください</translation>
    </message>
    <message>
        <location filename="../../app/households/places.py" line="36"/>
        <source>A gathering place needs a name.</source>
        <translation>たまり場の名称を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/households/places.py" line="38"/>
        <source>Unknown kind of place: {kind}</source>
        <translation>場所の種類がわかりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/households/places.py" line="45"/>
        <source>This gathering place is no longer in the ledger.</source>
        <translation>このたまり場は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="140"/>
        <source>{district} already has a town called {town}.</source>
        <translation>{district}には「{town}」という町内がすでにあります。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="84"/>
        <source>No town called {name} in this ledger.</source>
        <translation>この台帳に「{name}」という町内はありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="86"/>
        <source>Several towns are called {name}; add the district name.</source>
        <translation>「{name}」という町内が複数あります。地区名も付けてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="126"/>
        <source>There is already a district called {name}, archived: tick “Show archived” and bring it back instead.</source>
        <translation>{name}という地区は保管済みで、すでにあります。「保管したものも表示」にチェックを入れて、保管から戻してください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="129"/>
        <source>There is already a district called {name}.</source>
        <translation>「{name}」という地区はすでにあります。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="137"/>
        <source>{district} already has a town called {town}, archived: tick “Show archived” and bring it back instead.</source>
        <translation>{district}には{town}という町内が保管済みで、すでにあります。「保管したものも表示」にチェックを入れて、保管から戻してください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="235"/>
        <source>No district column (chiku, 地区, 地区名 or name) in the header row.</source>
        <translation>見出しの行に地区の列（chiku、地区、地区名、name）がありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/towns.py" line="246"/>
        <source>{name} is listed twice (first on row {first}).</source>
        <translation>「{name}」が2回あります（最初は{first}行目）。</translation>
    </message>
    <message>
        <location filename="../../app/watch/network.py" line="45"/>
        <source>Unknown watcher role: {role}</source>
        <translation>見守り者の立場がわかりません：{role}</translation>
    </message>
    <message>
        <location filename="../../app/watch/network.py" line="50"/>
        <source>Unknown frequency: {frequency}</source>
        <translation>頻度がわかりません：{frequency}</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="57"/>
        <source>This person has no evacuation plan.</source>
        <translation>この人には個別避難計画がありません。</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="66"/>
        <source>Consent is yes, no or unknown, not {value}.</source>
        <translation>同意は yes・no・unknown のどれかで入力してください（「{value}」は使えません）。</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="73"/>
        <source>Unknown time to start evacuating: {value}</source>
        <translation>避難を始める時期がわかりません：{value}</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="81"/>
        <source>This shelter is no longer in the imported layer.</source>
        <translation>この避難所は、取り込んだ一覧にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="89"/>
        <source>Please write when to start evacuating.</source>
        <translation>避難を始める時期を書いてください。</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="97"/>
        <source>The review date is before the date the plan was made.</source>
        <translation>見直し日が作成日より前になっています。</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="109"/>
        <location filename="../../app/watch/network.py" line="159"/>
        <source>This watcher is no longer in the ledger.</source>
        <translation>この見守り者は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="130"/>
        <source>{name} is listed twice as a supporter.</source>
        <translation>{name} さんが支援者として2回書かれています。</translation>
    </message>
    <message>
        <location filename="../../app/watch/network.py" line="178"/>
        <source>The watcher&apos;s household is not on this town&apos;s map.</source>
        <translation>見守り者の世帯が、この町内の地図にありません。</translation>
    </message>
    <message>
        <location filename="../../app/watch/network.py" line="233"/>
        <source>This watch link is no longer in the ledger.</source>
        <translation>この見守りの関係は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/core/validators.py" line="21"/>
        <source>Please enter a date.</source>
        <translation>日付を入れてください。</translation>
    </message>
    <message>
        <location filename="../../app/core/validators.py" line="22"/>
        <location filename="../../app/meeting/selfcheck.py" line="143"/>
        <source>The date {date} is in the future.</source>
        <translation>日付 {date} は未来の日付です。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="87"/>
        <source>Unknown kind of meeting: {kind}</source>
        <translation>会議の種類が分かりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="92"/>
        <source>Unknown role: {role}</source>
        <translation>立場が分かりません：{role}</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="97"/>
        <source>Unknown review outcome: {outcome}</source>
        <translation>見直しの結果が分かりません：{outcome}</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="125"/>
        <source>This meeting is no longer in the ledger.</source>
        <translation>この会議は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="134"/>
        <source>Too many attendees: {count} (at most {limit}).</source>
        <translation>出席者が多すぎます：{count}人（{limit}人まで）。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="246"/>
        <source>This meeting is of another town.</source>
        <translation>この会議はほかの町内のものです。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="255"/>
        <source>{name} is archived: restore them before a review.</source>
        <translation>{name}さんは保管済みです。見直しの前に元に戻してください。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="258"/>
        <location filename="../../app/watch/network.py" line="257"/>
        <source>{name} is not marked as a person of concern.</source>
        <translation>{name} さんは気がかりな人になっていません。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="277"/>
        <source>This review is no longer in the ledger.</source>
        <translation>この見直しの記録は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/meetings.py" line="401"/>
        <source>{name}&apos;s household is off the map: restore the household first.</source>
        <translation>{name}さんの世帯は地図から外されています。先に世帯を元に戻してください。</translation>
    </message>
    <message>
        <location filename="../../app/plans/plans.py" line="112"/>
        <location filename="../../app/watch/network.py" line="261"/>
        <source>{watcher} is a watcher of another town.</source>
        <translation>{watcher} さんは別の町内の見守り者です。</translation>
    </message>
    <message>
        <location filename="../../app/watch/network.py" line="268"/>
        <source>{watcher} already watches over {name}.</source>
        <translation>{watcher} さんは、すでに {name} さんを見守っています。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="92"/>
        <source>The map did not finish loading for printing.</source>
        <translation>印刷用の地図の読み込みが終わりませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="117"/>
        <source>The map stopped working while it was drawn for printing. Nothing was printed; try again.</source>
        <translation>印刷用の地図を描いている途中で地図の表示が止まりました。何も印刷していません。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="267"/>
        <source>The printed map is saved as .pdf or .png, not {suffix}.</source>
        <translation>印刷用の地図は .pdf か .png で保存します（{suffix} では保存できません）。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="270"/>
        <source>Paper must be A4 or A3.</source>
        <translation>用紙はA4かA3にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="304"/>
        <location filename="../../app/maps/printing.py" line="319"/>
        <source>Could not write the file.</source>
        <translation>ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/audit.py" line="213"/>
        <source>Save the history as .xlsx or .csv.</source>
        <translation>変更の記録は .xlsx か .csv で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/audit.py" line="223"/>
        <location filename="../../app/privacy/consent.py" line="57"/>
        <source>this person is not in the ledger</source>
        <translation>この人は台帳にいません</translation>
    </message>
    <message>
        <location filename="../../app/privacy/audit.py" line="239"/>
        <source>{name} is already archived</source>
        <translation>{name} さんはすでに一覧から外れています（記録は残っています）</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="94"/>
        <source>a backup cannot overwrite the ledger itself</source>
        <translation>バックアップで台帳そのものを上書きすることはできません</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="104"/>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="106"/>
        <source>this file does not open with the passphrase: wrong passphrase, or not a ledger backup</source>
        <translation>この合言葉ではファイルが開けません。合言葉が違うか、台帳のバックアップではありません</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="110"/>
        <source>this backup is damaged ({detail})</source>
        <translation>このバックアップは壊れています（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="120"/>
        <source>this file is not a ledger backup</source>
        <translation>このファイルは台帳のバックアップではありません</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="135"/>
        <source>the current ledger does not open with this passphrase; nothing was restored</source>
        <translation>この合言葉では今の台帳が開けません。何も復元していません</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="143"/>
        <source>the ledger is still open (or was not closed cleanly); close the app and try again</source>
        <translation>台帳がまだ開いています（または正しく閉じられていません）。アプリを閉じてから、もう一度お試しください</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="173"/>
        <source>this is not an unencrypted copy of the ledger</source>
        <translation>これは台帳の暗号化されていない控えではありません</translation>
    </message>
    <message>
        <location filename="../../app/privacy/backup.py" line="189"/>
        <source>the ledger holds fewer {table} rows than the unencrypted copy; the copy was kept</source>
        <translation>台帳の {table} の行が控えより少ないため、控えは残しました</translation>
    </message>
    <message>
        <location filename="../../app/privacy/lock.py" line="117"/>
        <source>this ledger is already open in another copy of the app (process {pid} on {host}); close that one first</source>
        <translation>この台帳は、別に起動しているアプリで開かれています（{host} のプロセス {pid}）。先にそちらを閉じてください</translation>
    </message>
    <message>
        <location filename="../../app/privacy/consent.py" line="69"/>
        <source>consent must be yes, no or unknown</source>
        <translation>同意は「あり」「なし」「不明」のどれかにしてください</translation>
    </message>
    <message>
        <location filename="../../app/privacy/consent.py" line="72"/>
        <source>the consent date is in the future</source>
        <translation>同意の日付が未来になっています</translation>
    </message>
    <message>
        <location filename="../../app/meeting/overview.py" line="112"/>
        <location filename="../../app/towns/towns.py" line="117"/>
        <source>This district is no longer in the ledger.</source>
        <translation>この地区は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/selfcheck.py" line="104"/>
        <source>Unknown kind of checker: {kind}</source>
        <translation>チェックする人の種類が分かりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/meeting/selfcheck.py" line="109"/>
        <source>The year must be between {first} and {last}.</source>
        <translation>年度は {first} から {last} の間にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/meeting/selfcheck.py" line="116"/>
        <source>Unknown check list item: {item}</source>
        <translation>チェック表の項目が分かりません：{item}</translation>
    </message>
    <message>
        <location filename="../../app/privacy/masking.py" line="59"/>
        <source>Unknown audience {audience}: use staff, watchers, agencies or community.</source>
        <translation>配布先 {audience} は使えません：staff（職員）、watchers（見守り者・民生委員）、agencies（関係機関）、community（地域）のいずれかです。</translation>
    </message>
    <message>
        <location filename="../../app/sync/core.py" line="96"/>
        <source>{entity} is not a table that syncs</source>
        <translation>{entity} は同期する表ではありません</translation>
    </message>
    <message>
        <location filename="../../app/sync/protocol.py" line="64"/>
        <source>the server address must start with postgresql://</source>
        <translation>サーバーのアドレスは postgresql:// で始めてください</translation>
    </message>
    <message>
        <location filename="../../app/sync/protocol.py" line="84"/>
        <source>could not reach the office server ({detail}); nothing was changed</source>
        <translation>事務所のサーバーにつながりませんでした（{detail}）。何も変更していません</translation>
    </message>
    <message>
        <location filename="../../app/office/server.py" line="238"/>
        <source>a laptop needs a name of 1 to 100 characters</source>
        <translation>パソコンの名前は1〜100文字で付けてください</translation>
    </message>
    <message>
        <location filename="../../app/office/server.py" line="240"/>
        <source>the name {name} is the server&apos;s own</source>
        <translation>{name} はサーバー自身の名前なので使えません</translation>
    </message>
    <message>
        <location filename="../../app/office/server.py" line="254"/>
        <source>name at least one district (or * for all)</source>
        <translation>地区を1つ以上指定してください（すべてなら *）</translation>
    </message>
    <message>
        <location filename="../../app/office/server.py" line="260"/>
        <source>a laptop called {name} is already registered</source>
        <translation>{name} という名前のパソコンはもう登録されています</translation>
    </message>
    <message>
        <location filename="../../app/sync/protocol.py" line="100"/>
        <source>this login is not registered as a laptop on the server; ask the office to register it</source>
        <translation>このログインはサーバーにパソコンとして登録されていません。事務所に登録を頼んでください</translation>
    </message>
    <message>
        <location filename="../../app/office/server.py" line="306"/>
        <location filename="../../app/office/server.py" line="326"/>
        <location filename="../../app/office/server.py" line="394"/>
        <source>no laptop called {name} is registered on the server</source>
        <translation>{name} という名前のパソコンはサーバーに登録されていません</translation>
    </message>
    <message>
        <location filename="../../app/sync/journal.py" line="490"/>
        <source>this ledger syncs as laptop {mine}, not as {other}</source>
        <translation>この台帳はパソコン {mine} として同期しています。{other} としては同期できません</translation>
    </message>
    <message>
        <location filename="../../app/sync/laptop.py" line="55"/>
        <source>this laptop has not synced yet: give the office server&apos;s address</source>
        <translation>このパソコンはまだ同期していません。事務所のサーバーのアドレスを指定してください</translation>
    </message>
    <message>
        <location filename="../../app/sync/laptop.py" line="71"/>
        <source>other laptops kept sending changes to the same records; sync again</source>
        <translation>他のパソコンが同じ記録を続けて変更しました。もう一度同期してください</translation>
    </message>
    <message>
        <location filename="../../app/sync/conflicts.py" line="44"/>
        <source>choose mine or theirs, not {choice}</source>
        <translation>{choice} ではなく、mine（こちら）か theirs（相手）を選んでください</translation>
    </message>
    <message>
        <location filename="../../app/sync/conflicts.py" line="48"/>
        <source>no such conflict</source>
        <translation>その食い違いはありません</translation>
    </message>
    <message>
        <location filename="../../app/sync/conflicts.py" line="50"/>
        <source>this conflict was already resolved</source>
        <translation>この食い違いはもう解決済みです</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="82"/>
        <source>a sync package needs a passphrase</source>
        <translation>同期パッケージにはパスフレーズが必要です</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="112"/>
        <source>no sync package at this path</source>
        <translation>この場所に同期パッケージがありません</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="122"/>
        <source>wrong passphrase, or the file is not a sync package</source>
        <translation>パスフレーズが違うか、同期パッケージではないファイルです</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="125"/>
        <location filename="../../app/sync/packages.py" line="131"/>
        <source>the file is not a sync package</source>
        <translation>同期パッケージではないファイルです</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="141"/>
        <source>this laptop is not registered yet: import the package the office made for it first</source>
        <translation>このパソコンはまだ登録されていません。先に事務所が作ったパッケージを取り込んでください</translation>
    </message>
    <message>
        <location filename="../../app/office/packages.py" line="43"/>
        <source>this package was made by the office, not by a laptop</source>
        <translation>このパッケージはパソコンではなく事務所が作ったものです</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="183"/>
        <source>this package was made by a laptop: import it at the office</source>
        <translation>このパッケージはパソコンが作ったものです。事務所で取り込んでください</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="191"/>
        <source>this package answers another ledger&apos;s package</source>
        <translation>このパッケージは別の台帳のパッケージへの返事です</translation>
    </message>
    <message>
        <location filename="../../app/office/packages.py" line="51"/>
        <source>this package is not signed with the key of laptop {name}: it was changed after it was made, or another laptop made it; nothing was applied</source>
        <translation>このパッケージはパソコン {name} の鍵で署名されていません。作成後に書き換えられたか、別のパソコンが作ったものです。何も反映していません</translation>
    </message>
    <message>
        <location filename="../../app/office/packages.py" line="56"/>
        <source>this package changes records of districts laptop {name} is not registered for; nothing was applied</source>
        <translation>このパッケージには、パソコン {name} が登録されていない地区の記録への変更が含まれています。何も反映していません</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="165"/>
        <source>this laptop has no package key and the package does not bring one: ask the office for a new package key for this laptop</source>
        <translation>このパソコンにはパッケージの鍵がなく、このパッケージにも含まれていません。事務局にこのパソコンの新しいパッケージ鍵を作ってもらってください</translation>
    </message>
    <message>
        <location filename="../../app/sync/packages.py" line="171"/>
        <source>this package is not signed with this laptop&apos;s key: it was changed after the office made it, or it was not made for this laptop; nothing was applied</source>
        <translation>このパッケージはこのパソコンの鍵で署名されていません。事務局が作成した後に書き換えられたか、このパソコン宛てのものではありません。何も反映していません</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="249"/>
        <source>a sync package needs a passphrase: set {env}</source>
        <translation>同期パッケージにはパスフレーズが必要です。{env} を設定してください</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="317"/>
        <source>name the laptop the package is for</source>
        <translation>パッケージを渡すパソコンの名前を指定してください</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="337"/>
        <source>give the reply package&apos;s file name</source>
        <translation>返事のパッケージのファイル名を指定してください</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="160"/>
        <source>Sasaeai Map is not allowed to read 「{name}」.</source>
        <translation>支え合いマップには「{name}」を読む権限がありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="286"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: it cannot be opened ({reason}). Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。開けません（{reason}）。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="296"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: its contents cannot be read ({reason}). Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。中身を読めません（{reason}）。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="272"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: only about {percent}% of it is there (it may not have finished copying). Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。全体の約 {percent}% しかありません（コピーが終わっていないのかもしれません）。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="254"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: the file stops right after it begins. Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。ファイルが始まってすぐに終わっています。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="260"/>
        <source>The MBTiles file 「{name}」 is damaged or incomplete: the start of the file is scrambled. Please copy it again from the original.</source>
        <translation>MBTiles ファイル「{name}」は壊れているか、途中までしかありません。ファイルの先頭が壊れています。元のファイルからもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="136"/>
        <source>The picture 「{name}」 is damaged or incomplete and cannot be shown. Please copy it again, or open it in a picture program and save it again.</source>
        <translation>画像「{name}」は壊れているか、途中までしかないため表示できません。もう一度コピーするか、画像ソフトで開いて保存し直してください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="227"/>
        <source>The picture 「{name}」 is too large (too many pixels). Pictures can be at most {limit} pixels wide and {limit} pixels high; please make it smaller and try again.</source>
        <translation>画像「{name}」は大きすぎます（画素数が多すぎます）。画像は幅 {limit} 画素、高さ {limit} 画素までです。小さくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="205"/>
        <source>The picture 「{name}」 is too large ({width} × {height} pixels). Pictures can be at most {limit} pixels wide and {limit} pixels high; please make it smaller and try again.</source>
        <translation>画像「{name}」は大きすぎます（{width} × {height} 画素）。画像は幅 {limit} 画素、高さ {limit} 画素までです。小さくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="448"/>
        <source>「{name}」 contains no map tiles, so there is nothing to show. It may have been exported incompletely; please make it again.</source>
        <translation>「{name}」には地図タイルが入っていないため、表示するものがありません。書き出しが途中で終わったのかもしれません。もう一度作ってください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="156"/>
        <source>「{name}」 could not be found. It may have been moved, renamed or deleted.</source>
        <translation>「{name}」が見つかりません。移動されたか、名前が変わったか、削除されたのかもしれません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="143"/>
        <source>「{name}」 could not be read ({reason}).</source>
        <translation>「{name}」を読めませんでした（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="354"/>
        <source>「{name}」 holds map tiles in a form Sasaeai Map cannot show; it needs raster tiles (PNG or JPEG).</source>
        <translation>「{name}」の地図タイルは、支え合いマップで表示できない形式です。ラスタータイル（PNG または JPEG）が必要です。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="128"/>
        <source>「{name}」 holds vector (PBF) tiles; Sasaeai Map needs raster tiles (PNG or JPEG). Please ask for a version of the map made of PNG or JPEG tiles.</source>
        <translation>「{name}」はベクトル（PBF）タイルの地図です。支え合いマップにはラスタータイル（PNG または JPEG）が必要です。PNG または JPEG のタイルで作った地図を用意してもらってください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="312"/>
        <source>「{name}」 is a database file but not an MBTiles map: it has no “{table}” table. Please choose a map file made for map tiles.</source>
        <translation>「{name}」はデータベースのファイルですが、MBTiles の地図ではありません（「{table}」テーブルがありません）。地図タイル用に作られた地図ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="164"/>
        <source>「{name}」 is a folder, not a file.</source>
        <translation>「{name}」はフォルダーです。ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="198"/>
        <source>「{name}」 is a kind of picture Sasaeai Map cannot use: it can only use PNG or JPEG pictures. Please save it as PNG or JPEG and try again.</source>
        <translation>「{name}」は支え合いマップで使えない種類の画像です。使えるのは PNG または JPEG の画像だけです。PNG または JPEG で保存し直してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="192"/>
        <source>「{name}」 is a {format} picture; Sasaeai Map can only use PNG or JPEG pictures. Please save it as PNG or JPEG and try again.</source>
        <translation>「{name}」は {format} 形式の画像です。支え合いマップで使えるのは PNG または JPEG の画像だけです。PNG または JPEG で保存し直してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="167"/>
        <source>「{name}」 is empty (it contains no data). It may not have finished copying; please copy it again.</source>
        <translation>「{name}」は空です（データが入っていません）。コピーが終わっていないのかもしれません。もう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="221"/>
        <source>「{name}」 is not a picture (PNG or JPEG). Please choose a PNG or JPEG picture of the town map.</source>
        <translation>「{name}」は画像（PNG または JPEG）ではありません。町内地図の PNG または JPEG 画像を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemap_files.py" line="120"/>
        <source>「{name}」 is not an MBTiles map file. Please choose a map file whose name ends in .mbtiles.</source>
        <translation>「{name}」は MBTiles の地図ファイルではありません。名前が .mbtiles で終わる地図ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="35"/>
        <source>--status {value}: use one of {labels}.</source>
        <translation>--status {value}：{labels} のどれかを指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="47"/>
        <source>No incident is called {name}.</source>
        <translation>{name} という災害はありません。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="48"/>
        <source>No open incident is called {name}.</source>
        <translation>{name} という開いている災害はありません。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="53"/>
        <source>{count} incidents are open ({names}): name one with --name.</source>
        <translation>{count} 件の災害が開いています（{names}）。--name で一つ指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="86"/>
        <source>--method {value}: use 訪問, 電話 or その他.</source>
        <translation>--method {value}：訪問、電話、その他 のどれかを指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="102"/>
        <source>No such person at map number {number} in {town}.</source>
        <translation>{town} に地図番号 {number} の人はいません。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="105"/>
        <source>Map number {number} has several persons: name one with --person.</source>
        <translation>地図番号 {number} には複数の人がいます。--person で1人を指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/cli/incidents.py" line="127"/>
        <source>No incident was ever started.</source>
        <translation>災害対応はまだ一度も始められていません。</translation>
    </message>
    <message>
        <location filename="../../app/cli/towns.py" line="23"/>
        <source>{option} {text}: expected {count} numbers separated by commas.</source>
        <translation>{option} {text}：カンマで区切った {count}個の数値を指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/cli/towns.py" line="34"/>
        <source>--center {text}: expected LATITUDE,LONGITUDE.</source>
        <translation>--center {text}：緯度,経度 の形で指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/codes.py" line="99"/>
        <source>This is the older 洪水浸水想定区域 data (A31, 第1.1–2.x版) whose depth codes differ; download the 河川単位 data (A31a, 第3.0版 or later) from 国土数値情報.</source>
        <translation>これは浸水深の区分が異なる古い洪水浸水想定区域データ（A31、第1.1～2.x版）です。国土数値情報から河川単位のデータ（A31a、第3.0版以降）をダウンロードしてください。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/codes.py" line="102"/>
        <source>Cannot tell which hazard the file holds from its attributes ({names}); choose the kind (flood, sediment, storm surge or tsunami).</source>
        <translation>属性（{names}）からは、どのハザードのファイルか判断できません。種類（洪水、土砂災害、高潮、津波）を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="197"/>
        <source>The ledger places nothing on the ground yet (no household, shelter or town with a position), so the city&apos;s extent is unknown: add them first or give the extent.</source>
        <translation>台帳にはまだ位置のあるものがありません（位置のある世帯・避難所・町内がない）ため、市の範囲がわかりません。先にそれらを登録するか、範囲を指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="244"/>
        <source>The file holds no features.</source>
        <translation>ファイルに地物がありません。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="282"/>
        <source>Not one zone can be imported: of the {count} features, {defective} have a defect (the first: feature {feature}, {field}) and {outside} lie outside the city&apos;s extent. Nothing was imported; the zones already in the ledger are unchanged.</source>
        <translation>取り込める区域が一つもありません。{count} 件の地物のうち {defective} 件に不備があり（最初は 地物 {feature}、{field}）、{outside} 件は市の範囲の外にあります。何も取り込んでいません。台帳にある区域はそのままです。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="289"/>
        <source>Not one of the file&apos;s {count} zones lies within the city&apos;s extent (longitude {west:.3f}–{east:.3f}, latitude {south:.3f}–{north:.3f}): is it another area&apos;s file? Nothing was imported; the zones already in the ledger are unchanged.</source>
        <translation>ファイルの {count} 件の区域はどれも市の範囲（経度 {west:.3f}～{east:.3f}、緯度 {south:.3f}～{north:.3f}）に入っていません。別の地域のファイルではありませんか。何も取り込んでいません。台帳にある区域はそのままです。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="334"/>
        <source>This hazard layer is no longer in the ledger.</source>
        <translation>このハザード情報は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/plans/papers.py" line="366"/>
        <source>Save the plans as .pdf or .xlsx.</source>
        <translation>計画は .pdf か .xlsx で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/copies.py" line="91"/>
        <source>The number of copies must be 1 or more.</source>
        <translation>部数は1以上にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/copies.py" line="122"/>
        <location filename="../../app/privacy/copies.py" line="137"/>
        <source>This printed copy is not in the ledger.</source>
        <translation>この配布資料は台帳にありません。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/copies.py" line="124"/>
        <source>Copy {serial} was already recorded as returned or destroyed.</source>
        <translation>管理番号 {serial} はすでに回収済みまたは廃棄済みです。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/sharing.py" line="105"/>
        <source>Unknown sharing mode {mode}: use normal or disaster.</source>
        <translation>不明な提供モード {mode} です。normal（平常時）か disaster（災害時）を指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/sharing.py" line="109"/>
        <source>Say who decides to switch the sharing mode.</source>
        <translation>提供モードを切り替える判断をした人の名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/sharing.py" line="112"/>
        <source>Say why names are given without consent (e.g. the evacuation order in force).</source>
        <translation>同意なしで氏名を提供する理由を入力してください（例: 発令中の避難指示）。</translation>
    </message>
    <message>
        <location filename="../../app/privacy/sharing.py" line="116"/>
        <source>The ledger is already in this sharing mode.</source>
        <translation>すでにこの提供モードです。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="66"/>
        <source>Unknown kind of incident {kind}: use flood, sediment, earthquake or other.</source>
        <translation>災害の種類 {kind} がわかりません。flood（洪水）、sediment（土砂災害）、earthquake（地震）、other（その他）のどれかを指定してください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="75"/>
        <source>Give the incident a name.</source>
        <translation>災害の名称を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="77"/>
        <source>The name is {length} characters long (at most 200).</source>
        <translation>名称が {length} 文字あります（200文字まで）。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="82"/>
        <source>Choose at least one town for the incident.</source>
        <translation>対象の町内を1つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="85"/>
        <source>No such town: {town}</source>
        <translation>町内がありません：{town}</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="90"/>
        <source>The incident {incident} is still open in {town}: record its checks there, or close it before starting another one.</source>
        <translation>{town} では災害 {incident} がまだ開いています。そこに確認を記録するか、終了してから新しい災害を始めてください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="104"/>
        <source>No such incident.</source>
        <translation>その災害対応はありません。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="116"/>
        <source>The incident {name} is already closed.</source>
        <translation>災害「{name}」の対応はすでに終了しています。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="147"/>
        <source>No incident is open: start one first.</source>
        <translation>対応中の災害がありません。先に災害対応を始めてください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="157"/>
        <source>{name} lives outside the towns of the incident {incident}.</source>
        <translation>{name} さんは、災害「{incident}」の対象町内の外に住んでいます。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="160"/>
        <source>{name} is not on the roll call of {incident}: it lists the persons of concern. Tick “Person of concern” for {name} first to record a check.</source>
        <translation>{name} さんは、災害「{incident}」の安否確認の名簿にいません（名簿は気がかりな人の一覧です）。確認を記録するには、先に {name} さんの「気がかりな人」に印を付けてください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="175"/>
        <source>Unknown status or method: {value}</source>
        <translation>状況または方法がわかりません：{value}</translation>
    </message>
    <message>
        <location filename="../../app/safety/incidents.py" line="189"/>
        <source>The incident {name} is closed: no check can be added.</source>
        <translation>災害「{name}」の対応は終了しています。確認を追加できません。</translation>
    </message>
    <message>
        <location filename="../../app/safety/papers.py" line="74"/>
        <source>Group the checklists by commissioner, watcher or shelter.</source>
        <translation>確認表は民生委員ごと、見守り者ごと、避難所ごとのどれかで分けてください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/papers.py" line="217"/>
        <source>Save the checklists as .pdf.</source>
        <translation>確認表は .pdf で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="155"/>
        <source>Sheet {sheet}, row {row}, column 状況（入力） ({cell}): 「{value}」 is not a status; use one of {labels}.</source>
        <translation>シート「{sheet}」{row}行目、状況（入力）の列（{cell}）：「{value}」は状況ではありません。{labels} のどれかを入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="178"/>
        <source>Sheet {sheet}, row {row}, column 確認日時 ({cell}): 「{value}」 is not a date and time; write e.g. 2026-07-08 09:30 or 09:30.</source>
        <translation>シート「{sheet}」{row}行目、確認日時の列（{cell}）：「{value}」は日時ではありません。例：2026-07-08 09:30 または 09:30</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="182"/>
        <source>Sheet {sheet}, row {row}, column 確認日時 ({cell}): {value} is later than now; write when the check was made.</source>
        <translation>シート「{sheet}」{row}行目、確認日時の列（{cell}）：{value} は現在より後の日時です。確認した日時を書いてください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="234"/>
        <source>Sheet {sheet}, row {row}, column ID ({cell}): the row&apos;s hidden person id was changed or removed.</source>
        <translation>シート「{sheet}」{row}行目、ID の列（{cell}）：この行の隠れた人のIDが変えられたか消されています。</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="239"/>
        <source>Sheet {sheet}, row {row}, column 方法 ({cell}): 「{value}」 is not a method; use 訪問, 電話 or その他.</source>
        <translation>シート「{sheet}」{row}行目、方法の列（{cell}）：「{value}」は方法ではありません。訪問、電話、その他 のどれかを入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="254"/>
        <source>Sheet {sheet}, row {row}: {reason}</source>
        <translation>シート「{sheet}」{row}行目：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="279"/>
        <source>This checklist was printed for the incident {other}, not for {incident}: nothing was recorded. Type the checks into a checklist printed for {incident}.</source>
        <translation>このチェックリストは災害{other}用に印刷されたもので、{incident}用ではありません。何も記録していません。{incident}用に印刷したチェックリストに入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="299"/>
        <source>The workbook has no sheet named {sheet}.</source>
        <translation>ブックに「{sheet}」という名前のシートがありません。</translation>
    </message>
    <message>
        <location filename="../../app/safety/workbook.py" line="367"/>
        <source>Save the log as .xlsx.</source>
        <translation>記録は .xlsx で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/basemaps.py" line="213"/>
        <source>Only a town map image can be tied to the ground: choose an image as the base map first.</source>
        <translation>位置合わせができるのは町内地図の画像だけです。先に背景の地図として画像を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/geojson_export.py" line="104"/>
        <source>A GeoJSON file ends in .geojson.</source>
        <translation>GeoJSONファイルの名前は .geojson で終わります。</translation>
    </message>
    <message>
        <location filename="../../app/towns/geojson_export.py" line="222"/>
        <location filename="../../app/towns/geojson_export.py" line="236"/>
        <source>Cannot write the file: {reason}</source>
        <translation>ファイルを書き込めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="203"/>
        <source>At least 3 control points are needed to tie the map to the ground; there are {count}.</source>
        <translation>地図の位置合わせには基準点が3点以上必要です（今は {count}点）。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="209"/>
        <source>Control point {point}: a coordinate is not a number.</source>
        <translation>基準点 {point}：座標が数値ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="212"/>
        <source>Control point {point} ({x:.0f}, {y:.0f}) is outside the image ({width} × {height} pixels).</source>
        <translation>基準点 {point}（{x:.0f}, {y:.0f}）が画像の外にあります（画像は {width} × {height} ピクセル）。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="216"/>
        <source>Control point {point}: longitude {lon} or latitude {lat} is not on the Earth.</source>
        <translation>基準点 {point}：経度 {lon} または緯度 {lat} が地球上の値ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="222"/>
        <source>Control point {point} is at the same place on the image as point {other}.</source>
        <translation>基準点 {point} は、画像の上で点 {other} と同じ場所にあります。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="226"/>
        <source>Control point {point} has the same latitude and longitude as point {other}.</source>
        <translation>基準点 {point} は、点 {other} と緯度・経度が同じです。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="239"/>
        <source>The control points lie on one straight line on the image (up to point {point}); add a point away from that line.</source>
        <translation>基準点が画像の上で一直線に並んでいます（点 {point} まで）。その線から離れた点を加えてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="242"/>
        <source>The control points&apos; places lie on one straight line on the ground (up to point {point}); add a place away from that line.</source>
        <translation>基準点の場所が地上で一直線に並んでいます（点 {point} まで）。その線から離れた場所を加えてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/georeference.py" line="273"/>
        <source>With 6 or more control points they must not all lie on one curve (up to point {point}); move or add a point.</source>
        <translation>基準点が6点以上のときは、全部が1本の曲線の上に並んではいけません（点 {point} まで）。点を動かすか加えてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="127"/>
        <source>The coordinates are in {system}, not longitude/latitude. Save the file in JGD2011 (EPSG:6668) or WGS84 (EPSG:4326) first, e.g. with QGIS&apos;s Export → Save Features As.</source>
        <translation>座標が経度・緯度ではなく {system} です。先に QGIS の「エクスポート → 新規ファイルに地物を保存」などで、JGD2011（EPSG:6668）か WGS84（EPSG:4326）にして保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="151"/>
        <source>Unknown coordinate system {system} in the crs member.</source>
        <translation>crs に書かれた座標系 {system} がわかりません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="166"/>
        <source>The .prj file does not describe a coordinate system: 「{text}」.</source>
        <translation>.prj ファイルが座標系を表していません：「{text}」。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="283"/>
        <source>Not valid GeoJSON: brackets nested more than {limit} deep.</source>
        <translation>正しいGeoJSONではありません：括弧の入れ子が{limit}段を超えています。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="309"/>
        <source>GIS layers are read from .geojson or .shp files.</source>
        <translation>GISのデータは .geojson か .shp のファイルから読み込みます。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="312"/>
        <source>No such file.</source>
        <translation>ファイルがありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="358"/>
        <source>The file ends in the middle of feature {number}: it was cut off, e.g. while copying or downloading. Copy the whole file again.</source>
        <translation>地物 {number} の途中でファイルが終わっています。コピーやダウンロードの途中で切れたようです。ファイル全体をもう一度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="365"/>
        <source>Not valid GeoJSON before its first feature: {reason}</source>
        <translation>最初の地物より前が正しい GeoJSON ではありません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="367"/>
        <source>Not valid GeoJSON after feature {number}: {reason}</source>
        <translation>地物 {number} の後が正しい GeoJSON ではありません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="376"/>
        <location filename="../../app/towns/gis_files.py" line="409"/>
        <source>Not a GeoJSON FeatureCollection or Feature.</source>
        <translation>GeoJSON の FeatureCollection でも Feature でもありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="456"/>
        <source>The Shapefile has no .dbf file beside it (its attributes): copy the .shp, .shx, .dbf, .prj and .cpg files together.</source>
        <translation>Shapefile の横に .dbf ファイル（属性）がありません。.shp、.shx、.dbf、.prj、.cpg のファイルをまとめてコピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="479"/>
        <source>The file is shorter than its header says: it was cut short (an interrupted copy?) or is not a Shapefile.</source>
        <translation>ファイルが見出しに書かれた長さより短くなっています。コピーが途中で切れたか、Shapefile ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="483"/>
        <source>Feature {number}: the attributes are not {encoding} text; add a .cpg file naming the encoding (UTF-8 or SJIS).</source>
        <translation>地物 {number}：属性が {encoding} の文字ではありません。文字コード（UTF-8 か SJIS）を書いた .cpg ファイルを加えてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="487"/>
        <source>Not a readable Shapefile after feature {number}: {reason}</source>
        <translation>地物 {number} の後が Shapefile として読めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_job.py" line="39"/>
        <source>The ledger is busy with another change; nothing was written. Try again when it has finished.</source>
        <translation>台帳はほかの変更の途中です。何も書き出していません。終わってからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/emergency.py" line="187"/>
        <location filename="../../app/ui/mainwindow/imports.py" line="207"/>
        <source>The ledger is busy with another change; nothing was imported. Try again.</source>
        <translation>台帳はほかの変更の途中です。何も取り込んでいません。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/imports.py" line="90"/>
        <source>The address reference table could not be read; nothing was imported.</source>
        <translation>住所の参照表を読み込めませんでした。何も取り込んでいません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow/safety_papers.py" line="167"/>
        <source>The ledger is busy with another change; nothing was recorded. Try again.</source>
        <translation>台帳はほかの変更の途中です。何も記録していません。もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="31"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="32"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="34"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="35"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="36"/>
        <source>Concerns</source>
        <translation>気になるところ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="37"/>
        <source>Town</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="38"/>
        <source>District</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="39"/>
        <source>Household</source>
        <translation>世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="40"/>
        <source>Person</source>
        <translation>対象者</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="41"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="42"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="43"/>
        <source>Involvement</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="44"/>
        <source>How often</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="45"/>
        <source>Family doctor</source>
        <translation>かかりつけ医</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="46"/>
        <source>Care level</source>
        <translation>要介護度</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="47"/>
        <source>Care manager</source>
        <translation>ケアマネジャー</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="48"/>
        <source>Medical notes</source>
        <translation>医療のメモ</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="49"/>
        <source>Where the card is kept</source>
        <translation>カードの置き場所</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="50"/>
        <source>Review date</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="51"/>
        <source>Held on</source>
        <translation>開催日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="52"/>
        <source>Attendees</source>
        <translation>出席者</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="53"/>
        <source>Categories</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="54"/>
        <source>Incident</source>
        <translation>災害</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="55"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="56"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="57"/>
        <source>Shelter</source>
        <translation>避難先</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="58"/>
        <source>Recorded by</source>
        <translation>記録した人</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="59"/>
        <source>Checked by</source>
        <translation>確認者</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="60"/>
        <source>Welfare commissioner</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="61"/>
        <source>Welfare commissioner&apos;s phone</source>
        <translation>民生児童委員の電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="62"/>
        <source>Office number</source>
        <translation>事業所番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="63"/>
        <source>Fax</source>
        <translation>FAX</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="64"/>
        <source>Services</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="65"/>
        <source>Area served</source>
        <translation>担当区域</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="66"/>
        <source>Passphrase</source>
        <translation>合言葉</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="67"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="68"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="69"/>
        <source>Who</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="70"/>
        <source>Towns</source>
        <translation>町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="71"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="72"/>
        <source>Sharing mode</source>
        <translation>共有モード</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="73"/>
        <source>Printed copy</source>
        <translation>配布資料</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="74"/>
        <source>Copies</source>
        <translation>部数</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="75"/>
        <source>When to start</source>
        <translation>避難を始める時期</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="76"/>
        <source>When to start (note)</source>
        <translation>避難を始める時期（メモ）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="77"/>
        <source>Reviewed on</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="78"/>
        <source>Cards per page</source>
        <translation>1ページのカード数</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="79"/>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="80"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="81"/>
        <source>Order</source>
        <translation>並び順</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="82"/>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="83"/>
        <source>Laptop</source>
        <translation>パソコン</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="84"/>
        <source>Grouped by</source>
        <translation>まとめ方</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="85"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="86"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="87"/>
        <source>Choice</source>
        <translation>選択</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="88"/>
        <source>Checker</source>
        <translation>チェック者</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="89"/>
        <source>Handed to</source>
        <translation>配布先</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="90"/>
        <source>Answered on</source>
        <translation>回答日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="91"/>
        <source>Supporters</source>
        <translation>支援者</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="164"/>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
</context>
<context>
    <name>frequency</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="69"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="70"/>
        <source>Daily</source>
        <translation>毎日</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="71"/>
        <source>Weekly</source>
        <translation>週1回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="72"/>
        <source>Twice a month</source>
        <translation>月2回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="73"/>
        <source>Monthly</source>
        <translation>月1回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="74"/>
        <source>When needed</source>
        <translation>必要なとき</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="188"/>
        <source>No name.</source>
        <translation>名称がありません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="194"/>
        <source>「{phone}」 is not a complete phone number (area code?): kept as written.</source>
        <translation>「{phone}」は電話番号として足りません（市外局番？）。書かれたとおりに残します。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="204"/>
        <source>The position is not a number: left out.</source>
        <translation>位置が数値ではありません。位置は入れません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="207"/>
        <source>{lat}, {lon} is outside Japan: the position is left out.</source>
        <translation>{lat}, {lon} は日本の外です。位置は入れません。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="221"/>
        <source>Same office ({number}) as row {first}: merged into one entry.</source>
        <translation>{first}行目と同じ事業所（{number}）です。1件にまとめます。</translation>
    </message>
    <message>
        <location filename="../../app/emergency/agency_files.py" line="273"/>
        <source>The position is {km:.0f} km from the other offices in the list (geocoded to the wrong place?): left out.</source>
        <translation>位置が一覧のほかの事業所から {km:.0f} km 離れています（住所から違う場所になった？）。位置は入れません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="62"/>
        <source>row {row}, column {column}</source>
        <translation>{row}行目、列「{column}」</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="63"/>
        <source>row {row}</source>
        <translation>{row}行目</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="64"/>
        <source>column {column}</source>
        <translation>列「{column}」</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="65"/>
        <source>feature {row}, field {column}</source>
        <translation>{row}番目の地物、属性「{column}」</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="66"/>
        <source>feature {row}</source>
        <translation>{row}番目の地物</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="67"/>
        <source>field {column}</source>
        <translation>属性「{column}」</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="70"/>
        <source>fixed</source>
        <translation>直して取り込む</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="71"/>
        <source>partial</source>
        <translation>一部を除いて取り込む</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="72"/>
        <source>skipped</source>
        <translation>取り込まない</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="73"/>
        <source>note</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="97"/>
        <source>{place}: {what}</source>
        <translation>{place}：{what}</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="102"/>
        <source>{file}, {problem}</source>
        <translation>{file}、{problem}</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="103"/>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="107"/>
        <source>{severity}: {problem}</source>
        <translation>［{severity}］{problem}</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="156"/>
        <source>地区 「{old}」 has 「地区」 twice; stored as 「{new}」.</source>
        <translation>地区「{old}」に「地区」が2回あります。「{new}」として保存します。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="166"/>
        <source>No {column}: imported without a position.</source>
        <translation>{column}がありません。位置なしで取り込みます。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="173"/>
        <source>「{value}」 is not a number: imported without a position.</source>
        <translation>「{value}」は数値ではありません。位置なしで取り込みます。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="184"/>
        <source>{column} {value} is outside Japan ({low}–{high}): imported without a position; correct it by hand.</source>
        <translation>{column} {value} は日本の範囲外です（{low}–{high}）。位置なしで取り込みます。手で直してください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="199"/>
        <source>{length} characters, longer than the {limit} kept: stored cut after 「…{end}」; shorten it in the file and import again.</source>
        <translation>{length}文字あり、記録できる{limit}文字を超えています。「…{end}」までで切って取り込みました。ファイルで短くして取り込み直してください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="229"/>
        <source>No latitude/longitude columns: features have no position.</source>
        <translation>緯度・経度の列がありません。位置なしになります。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="237"/>
        <source>{count} values for {expected} columns; the missing ones are left empty.</source>
        <translation>{expected}列に対して値が{count}個です。足りない分は空欄にします。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="248"/>
        <source>No name: row not imported.</source>
        <translation>名称がありません。この行は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="270"/>
        <source>No name: feature not imported.</source>
        <translation>名称がありません。取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="277"/>
        <source>A {type}, not a point: placed at a point inside it.</source>
        <translation>点ではなく {type} です。その内側の1点に置きます。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="303"/>
        <source>Repeats row {first} (same name, address and position): kept once.</source>
        <translation>{first}行目と同じです（名称・住所・位置が同じ）。1件だけ残します。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="336"/>
        <source>No credit line given: add the data&apos;s source before showing it to others.</source>
        <translation>出典が書かれていません。ほかの人に見せる前に、データの出典を加えてください。</translation>
    </message>
    <message>
        <location filename="../../app/towns/reference_layers.py" line="341"/>
        <source>{count} rows write 地区 as 「○○地区」; stored as 「○○」 like the other files.</source>
        <translation>{count}行で地区が「○○地区」と書かれています。ほかのファイルと同じく「○○」として保存します。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/matching.py" line="303"/>
        <location filename="../../app/watch/watch_form_apply.py" line="236"/>
        <source>Several members have this name and address.</source>
        <translation>この氏名と住所の世帯員が複数います。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/matching.py" line="306"/>
        <source>A member with this name and birth date lives at another address.</source>
        <translation>同じ氏名・生年月日の世帯員が、別の住所にいます。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/matching.py" line="308"/>
        <source>This person is in the roster twice.</source>
        <translation>この人は名簿に2回出ています。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="137"/>
        <source>This person was printed anonymously and is no longer in the ledger; the row cannot be imported.</source>
        <translation>この人は匿名で印刷され、今は台帳にいません。この行は取り込めません。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="240"/>
        <source>A person of concern has this name but another address.</source>
        <translation>同じ氏名で住所の違う気がかりな人がいます。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="243"/>
        <source>This person is on the form twice.</source>
        <translation>この人は記録用紙に2回出ています。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="320"/>
        <source>The watcher was erased from the form.</source>
        <translation>この見守り者は記録用紙から消されています。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="336"/>
        <source>This watcher is listed twice for the same person.</source>
        <translation>同じ人に、この見守り者が2回書かれています。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="368"/>
        <source>Several watchers of the town have this name.</source>
        <translation>町内にこの氏名の見守り者が複数います。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="405"/>
        <source>This watcher&apos;s line is no longer in this person&apos;s block of the form (its row was deleted or moved).</source>
        <translation>この見守り者の行が、記録用紙のこの人の欄からなくなっています（行が削除または移動されました）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="40"/>
        <source>Watcher (見守り者)</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="41"/>
        <source>Involvement (関わり方)</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="45"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="45"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="45"/>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="46"/>
        <source>Decide</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="69"/>
        <source>add {added}, update {updated}, unchanged {unchanged}, problems {problems}</source>
        <translation>追加 {added} 件、更新 {updated} 件、変更なし {unchanged} 件、問題 {problems} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="73"/>
        <source>{features} features ({placed} with a position), {problems} problems</source>
        <translation>{features} 件（位置あり {placed} 件）、問題 {problems} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="77"/>
        <source>added {added}, updated {updated}, unchanged {unchanged}, needs a decision {decision}</source>
        <translation>追加 {added} 件、更新 {updated} 件、変更なし {unchanged} 件、要確認 {decision} 件</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="174"/>
        <source>The hidden key of this row belongs to a person of another town (a block copied from another town&apos;s form?): choose who this row is.</source>
        <translation>この行の隠しキーは別の町内の人のものです（別の町内の用紙からコピーしましたか）。この行が誰か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="172"/>
        <source>The hidden key of this row belongs to a person who was archived: choose who this row is.</source>
        <translation>この行の隠しキーは一覧から外された（記録を保管中の）人のものです。この行が誰か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="169"/>
        <source>The hidden key of this row belongs to no one in the ledger (a form from another ledger?): choose who this row is.</source>
        <translation>この行の隠しキーは台帳のどの人のものでもありません（別の台帳の用紙ですか）。この行が誰か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/watch/watch_form_apply.py" line="163"/>
        <source>The hidden key of this row is on another row of the form too (a copied block?): choose who this row is.</source>
        <translation>この行の隠しキーが用紙の別の行にもあります（ブロックをコピーしましたか）。この行が誰か選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="129"/>
        <source>No value: feature skipped.</source>
        <translation>値がありません。この地物は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="138"/>
        <source>「{value}」 is not a depth rank (1–6 in the 浸水深ランクコード): feature skipped.</source>
        <translation>「{value}」は浸水深ランク（浸水深ランクコードの1～6）ではありません。この地物は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="147"/>
        <source>「{value}」 is not a phenomenon code (1 急傾斜地の崩壊, 2 土石流, 3 地すべり): feature skipped.</source>
        <translation>「{value}」は現象の種類のコード（1 急傾斜地の崩壊、2 土石流、3 地すべり）ではありません。この地物は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="151"/>
        <source>「{value}」 is not a zone class (1 警戒区域, 2 特別警戒区域): feature skipped.</source>
        <translation>「{value}」は区域の区分（1 警戒区域、2 特別警戒区域）ではありません。この地物は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="161"/>
        <source>「{value}」 is not a depth class (e.g. 「0.5m以上3.0m未満」): feature skipped.</source>
        <translation>「{value}」は浸水深の区分（例：「0.5m以上3.0m未満」）ではありません。この地物は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/hazards/importer.py" line="221"/>
        <source>A {type}, not an area: feature skipped.</source>
        <translation>区域ではなく {type} です。この地物は取り込みません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="211"/>
        <source>No geometry.</source>
        <translation>形状がありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="217"/>
        <source>Not a valid geometry: {reason}.</source>
        <translation>形状が正しくありません：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="221"/>
        <source>Empty geometry.</source>
        <translation>形状が空です。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="228"/>
        <source>Coordinates out of range ({x}, {y}): not longitude/latitude (a projected file without its .prj or crs?).</source>
        <translation>座標が範囲外です（{x}, {y}）。経度・緯度ではありません（.prj や crs のない投影座標のファイル？）。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="238"/>
        <source>Invalid geometry ({reason}): repaired.</source>
        <translation>形状が正しくありませんでした（{reason}）。修正しました。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="247"/>
        <source>Missing property {name}.</source>
        <translation>属性 {name} がありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="323"/>
        <source>Not a GeoJSON Feature.</source>
        <translation>GeoJSON の Feature ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="328"/>
        <source>The properties are not an object.</source>
        <translation>属性（properties）がオブジェクトではありません。</translation>
    </message>
    <message>
        <location filename="../../app/towns/gis_files.py" line="438"/>
        <source>Unknown encoding 「{name}」: the attributes are read as Shift_JIS (cp932).</source>
        <translation>文字コード「{name}」がわかりません。属性は Shift_JIS（cp932）として読みます。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/area_codes.py" line="29"/>
        <source>notice</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/area_codes.py" line="29"/>
        <source>warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/area_codes.py" line="30"/>
        <source>「{typed}」 has no area code: imported as {phone}, with {code}, the area code of {count} of the town&apos;s {total} fixed-line numbers.</source>
        <translation>「{typed}」には市外局番がありません。町内の固定電話 {total} 件のうち {count} 件の市外局番 {code} を補い、{phone} として取り込みます。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/area_codes.py" line="32"/>
        <source>「{typed}」 has no area code, and the town has no fixed-line number to take one from: kept as typed. Write the number with its area code.</source>
        <translation>「{typed}」には市外局番がなく、町内に市外局番を取れる固定電話の番号もありません。入力どおり取り込みます。市外局番から書いてください。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/area_codes.py" line="34"/>
        <source>「{typed}」 has no area code, and with the town&apos;s area code {code} it is no valid phone number: kept as typed. Check the number.</source>
        <translation>「{typed}」には市外局番がなく、町内の市外局番 {code} を補っても正しい電話番号になりません。入力どおり取り込みます。番号を確かめてください。</translation>
    </message>
    <message>
        <location filename="../../app/watch/roster/area_codes.py" line="51"/>
        <source>{severity}: sheet {sheet}, row {row}, cell {cell}: {what}</source>
        <translation>{severity}：シート「{sheet}」{row} 行目、セル {cell}：{what}</translation>
    </message>
</context>
<context>
    <name>meeting</name>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="49"/>
        <source>No change</source>
        <translation>変わりなし</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="50"/>
        <source>Things have changed</source>
        <translation>状況に変化あり</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="51"/>
        <source>In hospital</source>
        <translation>入院中</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="52"/>
        <source>Moved away</source>
        <translation>転出</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="53"/>
        <source>Entered a facility</source>
        <translation>施設入所</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="54"/>
        <source>Passed away</source>
        <translation>逝去</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="61"/>
        <source>Household</source>
        <translation>世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="62"/>
        <source>Person</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="63"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="64"/>
        <source>Emergency card</source>
        <translation>緊急連絡カード</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="67"/>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="68"/>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="69"/>
        <location filename="../../app/ui/meeting_panel.py" line="92"/>
        <source>ended / archived</source>
        <translation>終了・記録保管</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="70"/>
        <source>restored</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="78"/>
        <source>name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="79"/>
        <source>kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="80"/>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="81"/>
        <source>birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="82"/>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="83"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="84"/>
        <source>person of concern</source>
        <translation>気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="85"/>
        <source>health and concerns</source>
        <translation>健康状態・気がかりなこと</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="86"/>
        <source>map number</source>
        <translation>地図番号</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="87"/>
        <location filename="../../app/ui/meeting_panel.py" line="88"/>
        <source>position</source>
        <translation>地図上の位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="89"/>
        <source>involvement</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="90"/>
        <source>frequency</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="91"/>
        <source>consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="99"/>
        <source>District head (区長)</source>
        <translation>区長</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="100"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="101"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation>福祉推進員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="102"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation>老人家庭相談員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="103"/>
        <source>Group leader</source>
        <translation>町内の団体長</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="104"/>
        <source>Resident</source>
        <translation>住民</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="105"/>
        <source>社協 staff</source>
        <translation>社協職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_panel.py" line="106"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>meetings</name>
    <message>
        <location filename="../../app/meeting/views.py" line="38"/>
        <source>No change</source>
        <translation>変わりなし</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="39"/>
        <source>Circumstances have changed</source>
        <translation>状況が変わった</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="40"/>
        <source>Has moved away</source>
        <translation>転出した</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="41"/>
        <source>Has moved into a care facility</source>
        <translation>施設に入所した</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="42"/>
        <source>In hospital</source>
        <translation>入院中</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="43"/>
        <source>Has passed away</source>
        <translation>亡くなった</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="164"/>
        <source>Never reviewed at a liaison meeting</source>
        <translation>福祉連絡会でまだ一度も見直していません</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="165"/>
        <source>Not reviewed in the last 12 months</source>
        <translation>この12か月、見直していません</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="166"/>
        <source>The emergency card is past its review date</source>
        <translation>緊急連絡カードの見直し日が過ぎています</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="167"/>
        <source>Nobody watches over this person yet</source>
        <translation>見守り者がまだいません</translation>
    </message>
    <message>
        <location filename="../../app/meeting/views.py" line="168"/>
        <source>No emergency contact card yet</source>
        <translation>緊急連絡カードがまだありません</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <location filename="../../app/meeting/overview.py" line="82"/>
        <source>Households</source>
        <translation>世帯数</translation>
    </message>
    <message>
        <location filename="../../app/meeting/overview.py" line="83"/>
        <source>Persons of concern</source>
        <translation>気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/meeting/overview.py" line="84"/>
        <source>Watched</source>
        <translation>見守りあり</translation>
    </message>
    <message>
        <location filename="../../app/meeting/overview.py" line="85"/>
        <source>Not watched</source>
        <translation>見守りなし</translation>
    </message>
    <message>
        <location filename="../../app/meeting/overview.py" line="86"/>
        <source>Emergency cards made</source>
        <translation>緊急連絡カード作成</translation>
    </message>
    <message>
        <location filename="../../app/meeting/overview.py" line="87"/>
        <source>Reviewed in the last 12 months</source>
        <translation>12か月以内に見直し済み</translation>
    </message>
    <message>
        <location filename="../../app/meeting/overview.py" line="88"/>
        <source>Review due</source>
        <translation>見直しが必要</translation>
    </message>
</context>
<context>
    <name>plans</name>
    <message>
        <location filename="../../app/plans/views.py" line="75"/>
        <source>{name} is a person needing support themself</source>
        <translation>{name} さん自身が支援の必要な人です</translation>
    </message>
    <message>
        <location filename="../../app/plans/views.py" line="76"/>
        <source>{name} lives in the same hazard zone ({zone})</source>
        <translation>{name} さんも同じハザードの区域（{zone}）に住んでいます</translation>
    </message>
    <message>
        <location filename="../../app/plans/views.py" line="77"/>
        <source>{name} already supports {count} plans (more than {limit})</source>
        <translation>{name} さんはすでに {count}件の計画で支援者になっています（{limit}件より多い）</translation>
    </message>
    <message>
        <location filename="../../app/plans/views.py" line="78"/>
        <source>Only {count} supporter(s): a plan needs two or more</source>
        <translation>支援者が {count}人だけです。計画には2人以上必要です</translation>
    </message>
    <message>
        <location filename="../../app/plans/views.py" line="79"/>
        <source>No shelter chosen yet</source>
        <translation>避難先がまだ決まっていません</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location filename="../../app/maps/printing.py" line="193"/>
        <source>Made on {day}</source>
        <translation>作成日：{day}</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="239"/>
        <source>Scale: as on the town map</source>
        <translation>縮尺：町内地図のとおり</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="242"/>
        <source>Households are shown by map number only (no names). The numbers are those of the watch-network form and the emergency contact sheet. Handle with care.</source>
        <translation>世帯は地図番号だけで示しています（氏名なし）。番号は見守りネットワーク記録用紙・緊急連絡表と同じです。取り扱いに注意してください。</translation>
    </message>
    <message>
        <location filename="../../app/maps/printing.py" line="273"/>
        <source>Mutual-support welfare map  {district} {town}</source>
        <translation>支え合い福祉マップ  {district} {town}</translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="50"/>
        <source>Watchers and the welfare commissioner (民生児童委員)</source>
        <translation>見守り者と民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="51"/>
        <source>Community members (区長, 福祉推進員, residents)</source>
        <translation>地域の人（区長・福祉推進員・住民）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="52"/>
        <source>Agencies (地域包括支援センター, care managers, city office)</source>
        <translation>関係機関（地域包括支援センター・ケアマネジャー・市役所）</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy_dialogs.py" line="53"/>
        <source>Council staff only: every name, whatever the consent</source>
        <translation>社協職員用：同意の有無を問わず全員の氏名</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="57"/>
        <source>District head (区長)</source>
        <translation>区長</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="58"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="59"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation>福祉推進員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="60"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation>老人家庭相談員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="61"/>
        <source>Neighbour</source>
        <translation>近所の人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="62"/>
        <source>Relative</source>
        <translation>親族</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="63"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="31"/>
        <source>Name (氏名)</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="31"/>
        <source>Reading (フリガナ)</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="31"/>
        <source>Address (住所)</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="32"/>
        <source>Phone (電話)</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="32"/>
        <source>Birth date (生年月日)</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="33"/>
        <source>Household kind (世帯区分)</source>
        <translation>世帯区分</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="33"/>
        <source>Concerns (気になるところ)</source>
        <translation>気になるところ</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="34"/>
        <source>Watchers (見守り者)</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="34"/>
        <source>Of concern (気がかり)</source>
        <translation>気がかり</translation>
    </message>
</context>
<context>
    <name>selfcheck</name>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="54"/>
        <source>Municipal staff (自治体職員)</source>
        <translation>自治体職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="55"/>
        <source>Council staff (社協職員)</source>
        <translation>社協職員</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="56"/>
        <source>Other welfare worker (その他福祉関係者)</source>
        <translation>その他福祉関係者</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="57"/>
        <source>Resident (一般住民)</source>
        <translation>一般住民</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="63"/>
        <source>FY{year} ({wareki})</source>
        <translation>{year}年度（{wareki}年度）</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="68"/>
        <source>↑ now in place</source>
        <translation>↑ 新たに整った</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="69"/>
        <source>↓ no longer in place</source>
        <translation>↓ なくなった</translation>
    </message>
    <message>
        <location filename="../../app/ui/selfcheck_dialog.py" line="70"/>
        <source>same</source>
        <translation>変わらず</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../app/sync/views.py" line="17"/>
        <source>Connecting to the office server</source>
        <translation>事務所のサーバーに接続しています</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="18"/>
        <source>Receiving changes from other laptops</source>
        <translation>他のパソコンの変更を受け取っています</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="19"/>
        <source>Applying received changes</source>
        <translation>受け取った変更を反映しています</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="20"/>
        <source>Sending this laptop&apos;s changes</source>
        <translation>このパソコンの変更を送っています</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="21"/>
        <source>Saving on the office server</source>
        <translation>事務所のサーバーに保存しています</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="22"/>
        <source>Saved on the office server</source>
        <translation>事務所のサーバーに保存しました</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="23"/>
        <source>Sync finished</source>
        <translation>同期が終わりました</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="26"/>
        <source>Changed here and on another laptop</source>
        <translation>このパソコンと他のパソコンで変更されました</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="27"/>
        <source>Archived on another laptop, changed here</source>
        <translation>他のパソコンで削除（保管）され、このパソコンで変更されました</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="28"/>
        <source>Changed on another laptop, archived here</source>
        <translation>他のパソコンで変更され、このパソコンで削除（保管）されました</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="29"/>
        <source>Removed on another laptop, changed here</source>
        <translation>他のパソコンで消去され、このパソコンで変更されました</translation>
    </message>
    <message>
        <location filename="../../app/sync/views.py" line="30"/>
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
    <message>
        <location filename="../../app/ui/sync_dialogs.py" line="72"/>
        <source>Two laptops had each started a safety check for one town; they were joined into one ({n}): the safety check panel says which.</source>
        <translation>同じ町の安否確認が2台のパソコンで別々に始められていたので、一つにまとめました（{n} 件）。どれをどれにまとめたかは安否確認の画面に出ています。</translation>
    </message>
</context>
<context>
    <name>towns</name>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="103"/>
        <source>Districts and towns</source>
        <translation>地区と町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="106"/>
        <source>District / town</source>
        <translation>地区・町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="106"/>
        <source>Households</source>
        <translation>世帯数</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="109"/>
        <source>Name (e.g. 味真野地区 or 余川町)</source>
        <translation>名前（例：味真野地区、余川町）</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="110"/>
        <source>Show archived</source>
        <translation>保管したものも表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="111"/>
        <source>Add district</source>
        <translation>地区を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="112"/>
        <source>Add town to the selected district</source>
        <translation>選んだ地区に町内を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="113"/>
        <source>Rename selected</source>
        <translation>選んだものの名前を変える</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="114"/>
        <location filename="../../app/ui/towns_dialog.py" line="242"/>
        <source>Archive selected</source>
        <translation>選んだものを保管</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="115"/>
        <source>Import districts from CSV…</source>
        <translation>CSVから地区を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="116"/>
        <source>Import the 17 districts of Echizen (example)</source>
        <translation>越前市の17地区を取り込む（例）</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="194"/>
        <source> (archived)</source>
        <translation>（保管中）</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="241"/>
        <source>Restore selected</source>
        <translation>選んだものを元に戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="250"/>
        <source>Undone: {step}</source>
        <translation>元に戻しました：{step}</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="257"/>
        <source>Redone: {step}</source>
        <translation>やり直しました：{step}</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="263"/>
        <source>Undo: {step}</source>
        <translation>元に戻す：{step}</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="264"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="265"/>
        <source>Redo: {step}</source>
        <translation>やり直す：{step}</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="266"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="292"/>
        <source>Nothing changed: the name is the same.</source>
        <translation>名前が同じなので、何も変わっていません。</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="312"/>
        <source>District added: {name}</source>
        <translation>地区を追加しました：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="313"/>
        <source>Add district “{name}”</source>
        <translation>地区「{name}」を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="322"/>
        <source>Select the district the town belongs to.</source>
        <translation>町内が属する地区を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="331"/>
        <source>Town added: {district} {name}</source>
        <translation>町内を追加しました：{district} {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="333"/>
        <source>Add town “{name}” to {district}</source>
        <translation>{district}に町内「{name}」を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="346"/>
        <source>Rename district “{old}” to “{name}”</source>
        <translation>地区「{old}」を「{name}」に名前変更</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="347"/>
        <source>Rename town “{old}” to “{name}”</source>
        <translation>町内「{old}」を「{name}」に名前変更</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="349"/>
        <source>Renamed to {name}</source>
        <translation>名前を「{name}」に変えました</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="361"/>
        <source>Restored.</source>
        <translation>元に戻しました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="362"/>
        <source>Archived: kept in the ledger with everything in it; tick “Show archived” to see it or bring it back.</source>
        <translation>保管しました。中身も含めて台帳に残っています。「保管したものも表示」にチェックを入れると、表示したり元に戻したりできます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="365"/>
        <source>Bring back district “{name}”</source>
        <translation>地区「{name}」を保管から戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="366"/>
        <source>Archive district “{name}”</source>
        <translation>地区「{name}」を保管</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="368"/>
        <source>Bring back town “{name}”</source>
        <translation>町内「{name}」を保管から戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="369"/>
        <source>Archive town “{name}”</source>
        <translation>町内「{name}」を保管</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="377"/>
        <source>{file}: {added} districts added, {existing} already in the ledger.</source>
        <translation>{file}：地区を {added}件追加しました。{existing}件はすでに台帳にありました。</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="391"/>
        <source>Import {count} districts from {file}</source>
        <translation>{file}から地区{count}件を取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="396"/>
        <source>Import districts</source>
        <translation>地区の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/towns_dialog.py" line="397"/>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../app/ui/worker.py" line="197"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../app/ui/worker.py" line="229"/>
        <source>Cancelling…</source>
        <translation>取りやめています…</translation>
    </message>
</context>
</TS>
