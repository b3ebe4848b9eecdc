<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="46"/>
        <source>Which column is which?</source>
        <translation>どの列に何が入っていますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="52"/>
        <source>(not in this file)</source>
        <translation>（このファイルにはない）</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="58"/>
        <source>Sheet {sheet}, headers in row {row}. At least the name is needed.</source>
        <translation>シート「{sheet}」の{row}行目が見出しです。少なくとも氏名の列が必要です。</translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message>
        <location filename="../../app/ui/panels.py" line="83"/>
        <source>Show on the map</source>
        <translation>地図に表示するもの</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="92"/>
        <source>Other households</source>
        <translation>その他の世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="92"/>
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
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="183"/>
        <location filename="../../app/ui/panels.py" line="281"/>
        <source>Click a household on the map, or turn on “Add household” and click the map.</source>
        <translation>地図の世帯をクリックしてください。新しい世帯は「世帯を追加」を押してから地図をクリックします。</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="190"/>
        <source>e.g. 山田家</source>
        <translation>例：山田家</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="194"/>
        <source>Categories</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Born</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Concern</source>
        <translation>気がかり</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="204"/>
        <source>Add member…</source>
        <translation>世帯員を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="205"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="206"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="207"/>
        <source>Delete household…</source>
        <translation>世帯を削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="212"/>
        <source>Household</source>
        <translation>世帯名</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="213"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="214"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="220"/>
        <source>Members</source>
        <translation>世帯員</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="289"/>
        <source>No.{number}  {label}</source>
        <translation>No.{number}  {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="301"/>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="97"/>
        <source>Hide unchanged rows</source>
        <translation>変更のない行を隠す</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>What</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>Who</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="101"/>
        <source>Decision</source>
        <translation>選択</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="123"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="136"/>
        <source>{file}: {added} to add, {updated} to update, {unchanged} unchanged, {decide} need a decision. Nothing is written until you press Import.</source>
        <translation>{file}：追加 {added}件、更新 {updated}件、変更なし {unchanged}件、確認が必要 {decide}件。「取り込む」を押すまで、台帳には何も書き込みません。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="68"/>
        <location filename="../../app/ui/watch_panel.py" line="111"/>
        <location filename="../../app/ui/watch_panel.py" line="114"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="68"/>
        <source>How they are involved</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="70"/>
        <source>New watcher…</source>
        <translation>新しい見守り者…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="81"/>
        <source>Not on this map</source>
        <translation>この地図に載っていない</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="91"/>
        <source>Known</source>
        <translation>日付を入れる</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="101"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="102"/>
        <source>Reading (kana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="103"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="104"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="105"/>
        <source>Lives in</source>
        <translation>住まい</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="122"/>
        <source>Involvement (関わり方)</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="123"/>
        <source>How often</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="124"/>
        <source>Since</source>
        <translation>いつから</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="125"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="104"/>
        <source>Step III · Emergency contacts</source>
        <translation>ステップⅢ・緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105"/>
        <source>Coming next: emergency contact cards (緊急連絡カード) for each person who needs support and the town&apos;s emergency contact sheet (緊急連絡表), linked with relatives, the family doctor, the care manager and the 地域包括支援センター, printed or exported to Excel and PDF.</source>
        <translation>準備中です：支援が必要な人ごとの緊急連絡カードと、町内の緊急連絡表。親族、かかりつけ医、ケアマネジャー、地域包括支援センターを結び、印刷やExcel・PDFへの書き出しができるようになります。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118"/>
        <source>Offline: nothing leaves this computer</source>
        <translation>オフライン：データはこのパソコンの外に出ません</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <location filename="../../app/ui/main_window.py" line="549"/>
        <source>Sasaeai Map</source>
        <translation>支え合いマップ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="133"/>
        <source>(demo town)</source>
        <translation>（お試しの町）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <location filename="../../app/ui/main_window.py" line="478"/>
        <source>Add household</source>
        <translation>世帯を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <source>Then click the map where the household is</source>
        <translation>このあと、世帯のある場所を地図でクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157"/>
        <location filename="../../app/ui/main_window.py" line="496"/>
        <source>Add gathering place</source>
        <translation>たまり場を追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157"/>
        <source>Then click the map where the gathering place is</source>
        <translation>このあと、たまり場のある場所を地図でクリックします</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Delete household…</source>
        <translation>世帯を削除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Delete the selected household (asks first; undo brings it back)</source>
        <translation>選んだ世帯を削除します（先に確認します。「元に戻す」で戻せます）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>New town…</source>
        <translation>町内を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>Add a town to this ledger</source>
        <translation>この台帳に町内を追加します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>Use a town-map image…</source>
        <translation>町内地図の画像を使う…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>A scanned or exported town map (PNG or JPEG)</source>
        <translation>スキャンまたは書き出した町内地図（PNGまたはJPEG）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Use an MBTiles file…</source>
        <translation>MBTilesファイルを使う…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>A raster tile pack prepared for offline use</source>
        <translation>オフライン用に用意した地図タイルのファイル</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170"/>
        <source>Use a plain background</source>
        <translation>無地の背景を使う</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170"/>
        <source>No base map</source>
        <translation>背景の地図を使いません</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>Watch lines</source>
        <translation>見守りの線</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>Show the lines from each watcher&apos;s house to the person they watch</source>
        <translation>見守り者の家から、見守る相手までの線を表示します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>Export watch-network record form…</source>
        <translation>見守りネットワーク記録用紙を書き出す…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>The 見守りネットワーク記録用紙 of this town, in Excel</source>
        <translation>この町内の見守りネットワーク記録用紙（Excel）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>Import watch-network record form…</source>
        <translation>見守りネットワーク記録用紙を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>Read back a form filled in by volunteers</source>
        <translation>記入済みの記録用紙を読み込みます</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Import roster…</source>
        <translation>名簿を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>A list with one row per person (Excel or CSV)</source>
        <translation>1人1行の名簿（ExcelまたはCSV）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>Close Sasaeai Map</source>
        <translation>支え合いマップを終了します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <location filename="../../app/ui/main_window.py" line="806"/>
        <source>About Sasaeai Map</source>
        <translation>支え合いマップについて</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Version and licences</source>
        <translation>バージョンとライセンス</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Ⅰ Map households</source>
        <translation>Ⅰ 世帯を地図に記す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Step I: mark households and gathering places on the town map</source>
        <translation>ステップⅠ：町内の地図に世帯とたまり場を記します</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190"/>
        <source>Ⅱ Watch network</source>
        <translation>Ⅱ 見守りネットワーク</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190"/>
        <source>Step II: who watches over each person of concern</source>
        <translation>ステップⅡ：気がかりな人を、誰が見守るか</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <source>Ⅲ Emergency contacts</source>
        <translation>Ⅲ 緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <source>Step III: emergency contact cards and sheet</source>
        <translation>ステップⅢ：緊急連絡カードと緊急連絡表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201"/>
        <source>Steps</source>
        <translation>手順</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="207"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="211"/>
        <source>The town shown on the map</source>
        <translation>地図に表示する町内</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>Town:</source>
        <translation>町内：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="223"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="230"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="234"/>
        <source>&amp;Map</source>
        <translation>地図(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>&amp;Steps</source>
        <translation>手順(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="242"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="251"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="342"/>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="343"/>
        <source>Other household</source>
        <translation>その他の世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="344"/>
        <source>A person of concern lives here</source>
        <translation>気がかりな人がいる世帯</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="345"/>
        <source>Gathering place (たまり場)</source>
        <translation>たまり場</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="346"/>
        <source>Person of concern nobody watches over yet</source>
        <translation>見守り者がまだいない気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="347"/>
        <source>Click to show or hide the legend</source>
        <translation>クリックで凡例を表示／非表示</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>Drag to move this household</source>
        <translation>ドラッグでこの世帯を移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="354"/>
        <source>No town yet: File → New town…</source>
        <translation>まだ町内がありません：ファイル → 町内を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="360"/>
        <source>{town}: {households} households, {places} gathering places</source>
        <translation>{town}：{households}世帯、たまり場 {places}か所</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="387"/>
        <source>Town map images (*.png *.jpg *.jpeg)</source>
        <translation>町内地図の画像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="388"/>
        <source>MBTiles files (*.mbtiles)</source>
        <translation>MBTilesファイル (*.mbtiles)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="389"/>
        <source>Choose the base map</source>
        <translation>背景の地図を選ぶ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="507"/>
        <source>Move gathering place</source>
        <translation>たまり場の移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="512"/>
        <source>Move household</source>
        <translation>世帯の移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="544"/>
        <source>Edit household</source>
        <translation>世帯の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="560"/>
        <source>Delete household No.{number} {label} from the map?
Undo (Ctrl+Z) brings it back.</source>
        <translation>No.{number} {label} を地図から削除しますか？
「元に戻す」(Ctrl+Z) で戻せます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="564"/>
        <source>Delete household</source>
        <translation>世帯の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="581"/>
        <source>Add member</source>
        <translation>世帯員の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="597"/>
        <source>Edit member</source>
        <translation>世帯員の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="605"/>
        <source>Remove {name} from this household?</source>
        <translation>{name} さんをこの世帯から削除しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="608"/>
        <source>Remove member</source>
        <translation>世帯員の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="618"/>
        <source>Delete the gathering place {name}?</source>
        <translation>たまり場「{name}」を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="619"/>
        <source>Delete gathering place</source>
        <translation>たまり場の削除</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="624"/>
        <source>Edit gathering place</source>
        <translation>たまり場の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="680"/>
        <source>Add watcher</source>
        <translation>見守り者の追加</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="698"/>
        <source>Edit involvement</source>
        <translation>関わり方の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="705"/>
        <source>{watcher} no longer watches over this person?</source>
        <translation>{watcher} さんを、この人の見守り者から外しますか？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="707"/>
        <source>Remove watcher</source>
        <translation>見守り者を外す</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="716"/>
        <source>Export watch-network record form</source>
        <translation>見守りネットワーク記録用紙の書き出し</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="717"/>
        <location filename="../../app/ui/main_window.py" line="759"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="727"/>
        <source>Saved {path}</source>
        <translation>保存しました：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="751"/>
        <source>Imported: {summary}</source>
        <translation>取り込みました：{summary}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="758"/>
        <location filename="../../app/ui/main_window.py" line="763"/>
        <source>Import watch-network record form</source>
        <translation>見守りネットワーク記録用紙の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="770"/>
        <location filename="../../app/ui/main_window.py" line="786"/>
        <source>Import roster</source>
        <translation>名簿の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="771"/>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>名簿 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="802"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="803"/>
        <source>The new language is used from the next start of Sasaeai Map.</source>
        <translation>新しい言語は、支え合いマップを次に起動したときから使われます。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="807"/>
        <source>Sasaeai Map (支え合いマップ) {version}

Neighbourhood welfare mapping after the Echizen City Council of Social Welfare&apos;s three steps.
Works offline; the ledger stays on this computer.

Map display: Leaflet (BSD-2-Clause), folium (MIT). GUI: Qt for Python (LGPLv3).</source>
        <translation>支え合いマップ {version}

越前市社会福祉協議会の3つのステップに沿って、地域の支え合い福祉マップをつくるためのアプリです。
オフラインで動き、台帳はこのパソコンの中に保存されます。

地図の表示：Leaflet (BSD-2-Clause)、folium (MIT)。画面：Qt for Python (LGPLv3)。</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../app/ui/panels.py" line="116"/>
        <source>Member</source>
        <translation>世帯員</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="116"/>
        <source>Edit member</source>
        <translation>世帯員の編集</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="119"/>
        <source>Known</source>
        <translation>日付を入れる</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="125"/>
        <source>Person of concern</source>
        <translation>気がかりな人</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="127"/>
        <source>What the neighbours worry about</source>
        <translation>近所の人が気にかけていること</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="132"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="133"/>
        <source>Reading (kana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="134"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="135"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="137"/>
        <source>Concerns</source>
        <translation>気になるところ</translation>
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
        <location filename="../../app/ui/panels.py" line="45"/>
        <source>Search name, reading or address</source>
        <translation>氏名・ふりがな・住所で検索</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="47"/>
        <source>Full/half width and hiragana/katakana are ignored</source>
        <translation>全角・半角、ひらがな・カタカナの違いは気にせず探します</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="71"/>
        <source>No household found</source>
        <translation>該当する世帯はありません</translation>
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
    <name>WatchPanel</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="164"/>
        <source>Step II · Who watches over whom</source>
        <translation>ステップⅡ・誰が誰を見守るか</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="171"/>
        <source>Only those nobody watches over yet</source>
        <translation>見守り者がまだいない人だけ</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="177"/>
        <source>Watcher</source>
        <translation>見守り者</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="177"/>
        <source>Role</source>
        <translation>立場</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="177"/>
        <source>Involvement</source>
        <translation>関わり方</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="178"/>
        <source>How often</source>
        <translation>頻度</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="184"/>
        <source>Add watcher…</source>
        <translation>見守り者を追加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="185"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="186"/>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="190"/>
        <source>Export record form (Excel)…</source>
        <translation>記録用紙を書き出す（Excel）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="191"/>
        <source>Import record form…</source>
        <translation>記録用紙を取り込む…</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="234"/>
        <source>{total} persons of concern; {gaps} with nobody watching over them yet (!)</source>
        <translation>気がかりな人 {total}人、うち見守り者がまだいない人 {gaps}人 (!)</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="243"/>
        <source>no watcher</source>
        <translation>見守り者なし</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="243"/>
        <source>{n} watchers</source>
        <translation>見守り者 {n}人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="269"/>
        <source>Choose a person of concern from the list or on the map.</source>
        <translation>一覧か地図で、気がかりな人を選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="274"/>
        <source>Phone: {phone}</source>
        <translation>電話：{phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="276"/>
        <source>Concerns: {text}</source>
        <translation>気になるところ：{text}</translation>
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
    <name>errors</name>
    <message>
        <source>{name} is already archived</source>
        <translation>{name} さんはすでに記録終了になっています</translation>
    </message>
    <message>
        <source>this person is not in the ledger</source>
        <translation>この人は台帳にいません</translation>
    </message>
    <message>
        <source>this ledger is already open in another copy of the app (process {pid} on {host}); close that one first</source>
        <translation>この台帳は別のアプリで開かれています（{host} のプロセス {pid}）。先にそちらを閉じてください</translation>
    </message>
    <message>
        <source>the consent date is in the future</source>
        <translation>同意日が未来の日付です</translation>
    </message>
    <message>
        <source>consent must be yes, no or unknown</source>
        <translation>同意は「あり」「なし」「未確認」のいずれかです</translation>
    </message>
    <message>
        <source>cannot open the ledger for writing here ({detail}); is the folder read-only?</source>
        <translation>ここでは台帳に書き込めません（{detail}）。フォルダーが書き込み禁止になっていませんか？</translation>
    </message>
    <message>
        <source>wrong passphrase, or the file is not a ledger</source>
        <translation>合言葉が違うか、台帳のファイルではありません</translation>
    </message>
    <message>
        <source>this ledger is not encrypted yet: give a passphrase to encrypt it</source>
        <translation>この台帳はまだ暗号化されていません。暗号化のための合言葉を決めてください</translation>
    </message>
    <message>
        <source>this ledger is locked: enter its passphrase</source>
        <translation>この台帳はロックされています。合言葉を入力してください</translation>
    </message>
    <message>
        <source>this file is not a ledger backup</source>
        <translation>このファイルは台帳のバックアップではありません</translation>
    </message>
    <message>
        <source>this file does not open with the passphrase: wrong passphrase, or not a ledger backup</source>
        <translation>このファイルはこの合言葉では開けません。合言葉が違うか、台帳のバックアップではありません</translation>
    </message>
    <message>
        <source>this backup is damaged ({detail})</source>
        <translation>このバックアップは壊れています（{detail}）</translation>
    </message>
    <message>
        <source>the passphrase must not contain a NUL character</source>
        <translation>合言葉に NUL 文字は使えません</translation>
    </message>
    <message>
        <source>the passphrase must not be empty</source>
        <translation>合言葉を入力してください</translation>
    </message>
    <message>
        <source>the passphrase could not be changed</source>
        <translation>合言葉を変更できませんでした</translation>
    </message>
    <message>
        <source>the ledger is still open (or was not closed cleanly); close the app and try again</source>
        <translation>台帳がまだ開いています（または正しく閉じられていません）。アプリを閉じてからもう一度お試しください</translation>
    </message>
    <message>
        <source>the ledger could not be encrypted; it was left as it was</source>
        <translation>台帳を暗号化できませんでした。台帳は元のままです</translation>
    </message>
    <message>
        <source>the current ledger does not open with this passphrase; nothing was restored</source>
        <translation>今の台帳はこの合言葉では開けません。復元は行っていません</translation>
    </message>
    <message>
        <source>the backup could not be written ({detail})</source>
        <translation>バックアップを書き込めませんでした（{detail}）</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>could not save: the disk is full or the folder is read-only ({detail}); nothing was changed, free some space or choose another folder and try again</source>
        <translation>保存できませんでした：ディスクがいっぱいか、フォルダーが書き込み禁止です（{detail}）。何も変更されていません。空き容量を作るか別のフォルダーを選んで、もう一度お試しください</translation>
    </message>
    <message>
        <source>a new ledger needs a passphrase</source>
        <translation>新しい台帳には合言葉（パスフレーズ）が必要です</translation>
    </message>
    <message>
        <source>a backup cannot overwrite the ledger itself</source>
        <translation>バックアップで台帳そのものを上書きすることはできません</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="24"/>
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
        <location filename="../../app/io/roster.py" line="167"/>
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
        <location filename="../../app/io/emergency_cards.py" line="119"/>
        <source>Print one or two cards per page.</source>
        <translation>1ページに印刷するカードは1枚か2枚にしてください。</translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_cards.py" line="205"/>
        <source>Save the cards as .pdf or .xlsx.</source>
        <translation>カードは .pdf か .xlsx で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_sheet.py" line="78"/>
        <source>Sort by kana or by map number.</source>
        <translation>ふりがな順か地図の番号順で並べてください。</translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_sheet.py" line="201"/>
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
        <location filename="../../app/io/sheets.py" line="30"/>
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
        <location filename="../../app/io/roster.py" line="138"/>
        <source>The text encoding of this CSV file is unknown.</source>
        <translation>このCSVファイルの文字コードがわかりません。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="214"/>
        <source>Sheet {sheet}: no 氏名 (name) column was found in the header row {row}; choose the columns by hand.</source>
        <translation>シート「{sheet}」：見出しの行（{row}行目）に「氏名」の列がありません。列を手で選んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="233"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="246"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is not a date (e.g. 昭和15年3月2日 or 1940/3/2).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：「{text}」は日付ではありません（例：昭和15年3月2日、1940/3/2）。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="34"/>
        <source>The workbook is password-protected or in the old .xls format. Remove the password or save it as .xlsx, then import again.</source>
        <translation>このブックはパスワードで保護されているか、古い .xls 形式です。パスワードを外すか .xlsx 形式で保存してから、もう一度取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="39"/>
        <source>This is not an Excel workbook (.xlsx).</source>
        <translation>Excelのブック（.xlsx）ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="43"/>
        <source>The workbook cannot be read: {reason}</source>
        <translation>ブックを読み込めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="67"/>
        <source>Sheet {sheet}, row {row}, cell {cell} holds a formula; type the value itself instead.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}に数式が入っています。数式ではなく、値そのものを入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="85"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the {what} is {length} characters long (at most {limit}).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：{what}が長すぎます（{length}文字、最大{limit}文字）。</translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="161"/>
        <source>Not one of the choices for this row.</source>
        <translation>この行の選択肢にありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="282"/>
        <source>No sheet holds a 見守りネットワーク記録用紙 (a header row with 「氏名」 and 「関わり方」). Sheets in the file: {sheets}</source>
        <translation>見守りネットワーク記録用紙（「氏名」と「関わり方」の見出しの行）のあるシートがありません。ファイルのシート：{sheets}</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="308"/>
        <source>Sheet {sheet}: the town name (町名) is missing.</source>
        <translation>シート「{sheet}」：町名がありません。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="314"/>
        <location filename="../../app/io/watch_form.py" line="609"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: {reason}</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="377"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: this watcher is above the first person of concern (氏名).</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：この見守り者は、最初の気がかりな人（氏名）より上に書かれています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="392"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) of this person of concern is empty.</source>
        <translation>シート「{sheet}」{row}行目、セル{cell}：この気がかりな人の氏名が空欄です。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="397"/>
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
        <location filename="../../app/services/emergency.py" line="432"/>
        <location filename="../../app/services/households.py" line="162"/>
        <location filename="../../app/services/places.py" line="52"/>
        <location filename="../../app/services/towns.py" line="71"/>
        <location filename="../../app/services/watch.py" line="207"/>
        <source>This town is no longer in the ledger.</source>
        <translation>この町内は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/basemaps.py" line="36"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="44"/>
        <location filename="../../app/services/towns.py" line="18"/>
        <location filename="../../app/services/watch.py" line="41"/>
        <source>Please enter a name.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="47"/>
        <location filename="../../app/services/households.py" line="126"/>
        <location filename="../../app/services/towns.py" line="20"/>
        <location filename="../../app/services/watch.py" line="44"/>
        <source>Too long: {length} characters (at most {limit}).</source>
        <translation>長すぎます：{length}文字（最大{limit}文字）。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="57"/>
        <source>Unknown kind of agency: {kind}</source>
        <translation>機関の種類がわかりません：{kind}</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="65"/>
        <location filename="../../app/services/households.py" line="91"/>
        <source>Latitude {lat} / longitude {lon} is not on Earth.</source>
        <translation>緯度 {lat}／経度 {lon} は地球上の位置ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="82"/>
        <location filename="../../app/services/emergency.py" line="284"/>
        <source>This agency is no longer in the directory.</source>
        <translation>この機関は一覧にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="184"/>
        <source>This person is no longer in the ledger.</source>
        <translation>この人は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="301"/>
        <source>The review date is before the date the card was made.</source>
        <translation>見直しの日が、カードを作った日より前になっています。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="383"/>
        <location filename="../../app/services/emergency.py" line="392"/>
        <source>This person has no emergency contact card.</source>
        <translation>この人の緊急連絡カードはありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="528"/>
        <location filename="../../app/services/households.py" line="82"/>
        <source>This household is no longer in the ledger.</source>
        <translation>この世帯は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="49"/>
        <source>Unknown household category: {code}</source>
        <translation>世帯の区分がわかりません：{code}</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="88"/>
        <source>The position is not a number.</source>
        <translation>位置が数値ではありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="227"/>
        <source>A member needs a name.</source>
        <translation>世帯員の氏名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="259"/>
        <location filename="../../app/services/watch.py" line="183"/>
        <source>This member is no longer in the ledger.</source>
        <translation>この世帯員は台帳にもういません。</translation>
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
        <location filename="../../app/services/watch.py" line="56"/>
        <source>Unknown watcher role: {role}</source>
        <translation>見守り者の立場がわかりません：{role}</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="66"/>
        <source>Unknown frequency: {frequency}</source>
        <translation>頻度がわかりません：{frequency}</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="176"/>
        <source>This watcher is no longer in the ledger.</source>
        <translation>この見守り者は台帳にもういません。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="197"/>
        <source>The watcher&apos;s household is not on this town&apos;s map.</source>
        <translation>見守り者の世帯が、この町内の地図にありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="254"/>
        <source>This watch link is no longer in the ledger.</source>
        <translation>この見守りの関係は台帳にもうありません。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="278"/>
        <source>{name} is not marked as a person of concern.</source>
        <translation>{name} さんは気がかりな人になっていません。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="282"/>
        <source>{watcher} is a watcher of another town.</source>
        <translation>{watcher} さんは別の町内の見守り者です。</translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="289"/>
        <source>{watcher} already watches over {name}.</source>
        <translation>{watcher} さんは、すでに {name} さんを見守っています。</translation>
    </message>
</context>
<context>
    <name>frequency</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="53"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="54"/>
        <source>Daily</source>
        <translation>毎日</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="55"/>
        <source>Weekly</source>
        <translation>週1回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="56"/>
        <source>Twice a month</source>
        <translation>月2回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="57"/>
        <source>Monthly</source>
        <translation>月1回</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="58"/>
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
        <location filename="../../app/io/roster.py" line="324"/>
        <location filename="../../app/io/watch_form.py" line="479"/>
        <source>Several members have this name and address.</source>
        <translation>この氏名と住所の世帯員が複数います。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="327"/>
        <source>A member with this name and birth date lives at another address.</source>
        <translation>同じ氏名・生年月日の世帯員が、別の住所にいます。</translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="329"/>
        <source>This person is in the roster twice.</source>
        <translation>この人は名簿に2回出ています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="483"/>
        <source>A person of concern has this name but another address.</source>
        <translation>同じ氏名で住所の違う気がかりな人がいます。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="486"/>
        <source>This person is on the form twice.</source>
        <translation>この人は記録用紙に2回出ています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="556"/>
        <source>The watcher was erased from the form.</source>
        <translation>この見守り者は記録用紙から消されています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="564"/>
        <source>This watcher is listed twice for the same person.</source>
        <translation>同じ人に、この見守り者が2回書かれています。</translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="592"/>
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
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="41"/>
        <source>District head (区長)</source>
        <translation>区長</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="42"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation>民生児童委員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="43"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation>福祉推進員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="44"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation>老人家庭相談員</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="45"/>
        <source>Neighbour</source>
        <translation>近所の人</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="46"/>
        <source>Relative</source>
        <translation>親族</translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="47"/>
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
</TS>
