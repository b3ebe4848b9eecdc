<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BaseMapChoiceDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="91"/>
        <source>Base map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="92"/>
        <source>What should the town be drawn on? You can change this later in the Map menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="97"/>
        <source>An image of the town map (scan or PDF export, PNG/JPEG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="98"/>
        <source>A map tile pack (MBTiles)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="99"/>
        <source>A plain background for now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="46"/>
        <source>Which column is which?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="52"/>
        <source>(not in this file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="58"/>
        <source>Sheet {sheet}, headers in row {row}. At least the name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message>
        <location filename="../../app/ui/panels.py" line="83"/>
        <source>Show on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="92"/>
        <source>Other households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="92"/>
        <source>Gathering places</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="65"/>
        <source>Welcome to Sasaeai Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="67"/>
        <source>Sasaeai Map keeps your town&apos;s mutual-support welfare map on this computer.
Nothing is sent over the internet.

Start a new ledger for your town, or open the demo town 「ひだまり町」 to look around first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="72"/>
        <source>Start a new ledger for my town…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="73"/>
        <source>Open the demo town</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="183"/>
        <location filename="../../app/ui/panels.py" line="281"/>
        <source>Click a household on the map, or turn on “Add household” and click the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="190"/>
        <source>e.g. 山田家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="194"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="198"/>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="204"/>
        <source>Add member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="205"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="206"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="207"/>
        <source>Delete household…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="212"/>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="213"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="214"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="220"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="289"/>
        <source>No.{number}  {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="301"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="97"/>
        <source>Hide unchanged rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="100"/>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="101"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="123"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="136"/>
        <source>{file}: {added} to add, {updated} to update, {unchanged} unchanged, {decide} need a decision. Nothing is written until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="68"/>
        <location filename="../../app/ui/watch_panel.py" line="111"/>
        <location filename="../../app/ui/watch_panel.py" line="114"/>
        <source>Watcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="68"/>
        <source>How they are involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="70"/>
        <source>New watcher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="81"/>
        <source>Not on this map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="91"/>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="101"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="102"/>
        <source>Reading (kana)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="103"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="104"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="105"/>
        <source>Lives in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="122"/>
        <source>Involvement (関わり方)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="123"/>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="124"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="125"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="104"/>
        <source>Step III · Emergency contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105"/>
        <source>Coming next: emergency contact cards (緊急連絡カード) for each person who needs support and the town&apos;s emergency contact sheet (緊急連絡表), linked with relatives, the family doctor, the care manager and the 地域包括支援センター, printed or exported to Excel and PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118"/>
        <source>Offline: nothing leaves this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <location filename="../../app/ui/main_window.py" line="549"/>
        <source>Sasaeai Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="133"/>
        <source>(demo town)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <location filename="../../app/ui/main_window.py" line="478"/>
        <source>Add household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <source>Then click the map where the household is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157"/>
        <location filename="../../app/ui/main_window.py" line="496"/>
        <source>Add gathering place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157"/>
        <source>Then click the map where the gathering place is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Delete household…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Delete the selected household (asks first; undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>New town…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>Add a town to this ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>Use a town-map image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>A scanned or exported town map (PNG or JPEG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Use an MBTiles file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>A raster tile pack prepared for offline use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170"/>
        <source>Use a plain background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170"/>
        <source>No base map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>Watch lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>Show the lines from each watcher&apos;s house to the person they watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>Export watch-network record form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>The 見守りネットワーク記録用紙 of this town, in Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>Import watch-network record form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>Read back a form filled in by volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Import roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>A list with one row per person (Excel or CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>Close Sasaeai Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <location filename="../../app/ui/main_window.py" line="806"/>
        <source>About Sasaeai Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Version and licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Ⅰ Map households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Step I: mark households and gathering places on the town map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190"/>
        <source>Ⅱ Watch network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190"/>
        <source>Step II: who watches over each person of concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <source>Ⅲ Emergency contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <source>Step III: emergency contact cards and sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="207"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="211"/>
        <source>The town shown on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>Town:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="223"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="230"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="234"/>
        <source>&amp;Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>&amp;Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="242"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="251"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="342"/>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="343"/>
        <source>Other household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="344"/>
        <source>A person of concern lives here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="345"/>
        <source>Gathering place (たまり場)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="346"/>
        <source>Person of concern nobody watches over yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="347"/>
        <source>Click to show or hide the legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>Drag to move this household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="354"/>
        <source>No town yet: File → New town…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="360"/>
        <source>{town}: {households} households, {places} gathering places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="387"/>
        <source>Town map images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="388"/>
        <source>MBTiles files (*.mbtiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="389"/>
        <source>Choose the base map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="507"/>
        <source>Move gathering place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="512"/>
        <source>Move household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="544"/>
        <source>Edit household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="560"/>
        <source>Delete household No.{number} {label} from the map?
Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="564"/>
        <source>Delete household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="581"/>
        <source>Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="597"/>
        <source>Edit member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="605"/>
        <source>Remove {name} from this household?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="608"/>
        <source>Remove member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="618"/>
        <source>Delete the gathering place {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="619"/>
        <source>Delete gathering place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="624"/>
        <source>Edit gathering place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="680"/>
        <source>Add watcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="698"/>
        <source>Edit involvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="705"/>
        <source>{watcher} no longer watches over this person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="707"/>
        <source>Remove watcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="716"/>
        <source>Export watch-network record form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="717"/>
        <location filename="../../app/ui/main_window.py" line="759"/>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="727"/>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="751"/>
        <source>Imported: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="758"/>
        <location filename="../../app/ui/main_window.py" line="763"/>
        <source>Import watch-network record form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="770"/>
        <location filename="../../app/ui/main_window.py" line="786"/>
        <source>Import roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="771"/>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="802"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="803"/>
        <source>The new language is used from the next start of Sasaeai Map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="807"/>
        <source>Sasaeai Map (支え合いマップ) {version}

Neighbourhood welfare mapping after the Echizen City Council of Social Welfare&apos;s three steps.
Works offline; the ledger stays on this computer.

Map display: Leaflet (BSD-2-Clause), folium (MIT). GUI: Qt for Python (LGPLv3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../app/ui/panels.py" line="116"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="116"/>
        <source>Edit member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="119"/>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="125"/>
        <source>Person of concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="127"/>
        <source>What the neighbours worry about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="132"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="133"/>
        <source>Reading (kana)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="134"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="135"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="137"/>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="112"/>
        <source>Gathering place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="116"/>
        <source>Salon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="117"/>
        <source>Meeting hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="118"/>
        <source>Café</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="119"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="123"/>
        <source>e.g. 毎週水曜 10:00〜12:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="126"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="127"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="128"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="129"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="135"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../app/ui/panels.py" line="45"/>
        <source>Search name, reading or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="47"/>
        <source>Full/half width and hiragana/katakana are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="71"/>
        <source>No household found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TownDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="41"/>
        <source>New town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="43"/>
        <source>e.g. 味真野地区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="45"/>
        <source>e.g. 余川町</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="47"/>
        <source>District (地区)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="48"/>
        <source>Town (町内)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="53"/>
        <source>Which town will this map show?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="164"/>
        <source>Step II · Who watches over whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="171"/>
        <source>Only those nobody watches over yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="177"/>
        <source>Watcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="177"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="177"/>
        <source>Involvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="178"/>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="184"/>
        <source>Add watcher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="185"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="186"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="190"/>
        <source>Export record form (Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="191"/>
        <source>Import record form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="234"/>
        <source>{total} persons of concern; {gaps} with nobody watching over them yet (!)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="243"/>
        <source>no watcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="243"/>
        <source>{n} watchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="269"/>
        <source>Choose a person of concern from the list or on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="274"/>
        <source>Phone: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="276"/>
        <source>Concerns: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33"/>
        <source>Sasaeai Map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/cli.py" line="24"/>
        <source>no ledger at {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="113"/>
        <source>Agency lists are read from .csv or .xlsx files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="157"/>
        <location filename="../../app/io/reference_layers.py" line="177"/>
        <location filename="../../app/io/roster.py" line="167"/>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="161"/>
        <source>No name column (センター名, 事業所名, 名称 …) in the header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="165"/>
        <source>Please choose what kind of agencies the list holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="280"/>
        <source>{count} rows cannot be imported; first: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_cards.py" line="119"/>
        <source>Print one or two cards per page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_cards.py" line="205"/>
        <source>Save the cards as .pdf or .xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_sheet.py" line="78"/>
        <source>Sort by kana or by map number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/emergency_sheet.py" line="201"/>
        <source>Save the sheet as .xlsx or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/pdf_fonts.py" line="40"/>
        <source>The font file {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/pdf_fonts.py" line="45"/>
        <source>No Japanese font found for the PDF. Install IPAex Gothic (fonts-ipaexfont-gothic) or set SASAEAI_PDF_FONT to a .ttf file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="97"/>
        <location filename="../../app/io/sheets.py" line="30"/>
        <source>Cannot read the file: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="104"/>
        <source>The file is neither UTF-8 nor Shift_JIS text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="181"/>
        <source>No name column (name, 名称, 施設名 …) in the header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="220"/>
        <source>Not valid GeoJSON: {reason} (line {line})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="224"/>
        <source>Not a GeoJSON FeatureCollection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="275"/>
        <source>Please choose what the file holds (shelters, community halls or clinics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="284"/>
        <source>Reference layers are read from .csv or .geojson files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="138"/>
        <source>The text encoding of this CSV file is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="214"/>
        <source>Sheet {sheet}: no 氏名 (name) column was found in the header row {row}; choose the columns by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="233"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="246"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is not a date (e.g. 昭和15年3月2日 or 1940/3/2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="34"/>
        <source>The workbook is password-protected or in the old .xls format. Remove the password or save it as .xlsx, then import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="39"/>
        <source>This is not an Excel workbook (.xlsx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="43"/>
        <source>The workbook cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="67"/>
        <source>Sheet {sheet}, row {row}, cell {cell} holds a formula; type the value itself instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="85"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the {what} is {length} characters long (at most {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/sheets.py" line="161"/>
        <source>Not one of the choices for this row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="282"/>
        <source>No sheet holds a 見守りネットワーク記録用紙 (a header row with 「氏名」 and 「関わり方」). Sheets in the file: {sheets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="308"/>
        <source>Sheet {sheet}: the town name (町名) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="314"/>
        <location filename="../../app/io/watch_form.py" line="609"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="377"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: this watcher is above the first person of concern (氏名).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="392"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the name (氏名) of this person of concern is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="397"/>
        <source>Sheet {sheet}, row {row}, cell {cell}: the watcher&apos;s name (氏名) is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/addresses.py" line="60"/>
        <source>Not a usable address reference table: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/basemaps.py" line="31"/>
        <location filename="../../app/services/emergency.py" line="432"/>
        <location filename="../../app/services/households.py" line="162"/>
        <location filename="../../app/services/places.py" line="52"/>
        <location filename="../../app/services/towns.py" line="71"/>
        <location filename="../../app/services/watch.py" line="207"/>
        <source>This town is no longer in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/basemaps.py" line="36"/>
        <source>{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="44"/>
        <location filename="../../app/services/towns.py" line="18"/>
        <location filename="../../app/services/watch.py" line="41"/>
        <source>Please enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="47"/>
        <location filename="../../app/services/households.py" line="126"/>
        <location filename="../../app/services/towns.py" line="20"/>
        <location filename="../../app/services/watch.py" line="44"/>
        <source>Too long: {length} characters (at most {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="57"/>
        <source>Unknown kind of agency: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="65"/>
        <location filename="../../app/services/households.py" line="91"/>
        <source>Latitude {lat} / longitude {lon} is not on Earth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="82"/>
        <location filename="../../app/services/emergency.py" line="284"/>
        <source>This agency is no longer in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="184"/>
        <source>This person is no longer in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="301"/>
        <source>The review date is before the date the card was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="383"/>
        <location filename="../../app/services/emergency.py" line="392"/>
        <source>This person has no emergency contact card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/emergency.py" line="528"/>
        <location filename="../../app/services/households.py" line="82"/>
        <source>This household is no longer in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="49"/>
        <source>Unknown household category: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="88"/>
        <source>The position is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="227"/>
        <source>A member needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/households.py" line="259"/>
        <location filename="../../app/services/watch.py" line="183"/>
        <source>This member is no longer in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/places.py" line="32"/>
        <source>A gathering place needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/places.py" line="36"/>
        <source>Unknown kind of place: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/places.py" line="45"/>
        <source>This gathering place is no longer in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/towns.py" line="37"/>
        <source>{district} already has a town called {town}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/towns.py" line="83"/>
        <source>No town called {name} in this ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/towns.py" line="85"/>
        <source>Several towns are called {name}; add the district name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="56"/>
        <source>Unknown watcher role: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="66"/>
        <source>Unknown frequency: {frequency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="176"/>
        <source>This watcher is no longer in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="197"/>
        <source>The watcher&apos;s household is not on this town&apos;s map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="254"/>
        <source>This watch link is no longer in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="278"/>
        <source>{name} is not marked as a person of concern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="282"/>
        <source>{watcher} is a watcher of another town.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/watch.py" line="289"/>
        <source>{watcher} already watches over {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frequency</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="53"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="54"/>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="55"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="56"/>
        <source>Twice a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="57"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="58"/>
        <source>When needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../app/io/agencies.py" line="186"/>
        <source>No name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="192"/>
        <source>「{phone}」 is not a complete phone number (area code?): kept as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="202"/>
        <source>The position is not a number: left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="205"/>
        <source>{lat}, {lon} is outside Japan: the position is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="219"/>
        <source>Same office ({number}) as row {first}: merged into one entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/agencies.py" line="251"/>
        <source>The position is {km:.0f} km from the other offices in the list (geocoded to the wrong place?): left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="130"/>
        <source>地区 「{old}」 has 「地区」 twice; stored as 「{new}」.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="140"/>
        <source>No {column}: imported without a position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="147"/>
        <source>「{value}」 is not a number: imported without a position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="158"/>
        <source>{column} {value} is outside Japan ({low}–{high}): imported without a position; correct it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="185"/>
        <source>No latitude/longitude columns: features have no position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="193"/>
        <source>{count} values for {expected} columns; the missing ones are left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="204"/>
        <source>No name: row not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="232"/>
        <source>No name: feature not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="240"/>
        <source>Not a point: imported without a position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="260"/>
        <source>Repeats row {first} (same name, address and position): kept once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="290"/>
        <source>No credit line given: add the data&apos;s source before showing it to others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/reference_layers.py" line="295"/>
        <source>{count} rows write 地区 as 「○○地区」; stored as 「○○」 like the other files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="324"/>
        <location filename="../../app/io/watch_form.py" line="479"/>
        <source>Several members have this name and address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="327"/>
        <source>A member with this name and birth date lives at another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/roster.py" line="329"/>
        <source>This person is in the roster twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="483"/>
        <source>A person of concern has this name but another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="486"/>
        <source>This person is on the form twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="556"/>
        <source>The watcher was erased from the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="564"/>
        <source>This watcher is listed twice for the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/io/watch_form.py" line="592"/>
        <source>Several watchers of the town have this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="37"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="37"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="37"/>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="38"/>
        <source>Decide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="41"/>
        <source>District head (区長)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="42"/>
        <source>Welfare commissioner (民生児童委員)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="43"/>
        <source>Welfare promoter (福祉推進員)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="44"/>
        <source>Elderly home counsellor (老人家庭相談員)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="45"/>
        <source>Neighbour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="46"/>
        <source>Relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/watch_panel.py" line="47"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="29"/>
        <source>Name (氏名)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="29"/>
        <source>Reading (フリガナ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="29"/>
        <source>Address (住所)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="30"/>
        <source>Phone (電話)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="30"/>
        <source>Birth date (生年月日)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="31"/>
        <source>Household kind (世帯区分)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="31"/>
        <source>Concerns (気になるところ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="32"/>
        <source>Watchers (見守り者)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialogs.py" line="32"/>
        <source>Of concern (気がかり)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
