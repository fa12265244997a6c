<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>CaseIO</name>
    <message numerus="yes">
        <location filename="../case_io.py" line="+238"/>
        <source>the offer {reference} (%n line(s))</source>
        <translation>
            <numerusform>the offer {reference} (%n line)</numerusform>
            <numerusform>the offer {reference} (%n lines)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>an offer without a reference (%n line(s))</source>
        <translation>
            <numerusform>an offer without a reference (%n line)</numerusform>
            <numerusform>an offer without a reference (%n lines)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../labels.py" line="+133"/>
        <source>%Ln rows imported</source>
        <translation>
            <numerusform>%Ln row imported</numerusform>
            <numerusform>%Ln rows imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rejected</numerusform>
            <numerusform>%Ln rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InventoryPanel</name>
    <message numerus="yes">
        <location filename="../inventory_panel.py" line="+343"/>
        <source>{shown} of %Ln rows</source>
        <translation>
            <numerusform>{shown} of %Ln row</numerusform>
            <numerusform>{shown} of %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../main_window.py" line="+488"/>
        <source>The %n offer line(s) not yet saved will be replaced by those of {file}. Edit › Undo brings them back.</source>
        <translation>
            <numerusform>The %n offer line not yet saved will be replaced by those of {file}. Edit › Undo brings it back.</numerusform>
            <numerusform>The %n offer lines not yet saved will be replaced by those of {file}. Edit › Undo brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message numerus="yes">
        <location filename="../mapping_dialog.py" line="+286"/>
        <source>Column {columns} is used for more than one field.</source>
        <translation>
            <numerusform>Column {columns} is used for more than one field.</numerusform>
            <numerusform>Columns {columns} are each used for more than one field.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfferPanel</name>
    <message numerus="yes">
        <location filename="../offer_panel.py" line="+323"/>
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln complete</source>
        <translation>
            <numerusform>%Ln complete</numerusform>
            <numerusform>%Ln complete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln cells to check</source>
        <translation>
            <numerusform>%Ln cell to check</numerusform>
            <numerusform>%Ln cells to check</numerusform>
        </translation>
    </message>
</context>
</TS>
