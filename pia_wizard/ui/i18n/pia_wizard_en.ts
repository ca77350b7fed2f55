<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>A final report needs every required answer; %n still open.</source>
        <translation>
            <numerusform>A final report needs every required answer; %n still open.</numerusform>
            <numerusform>A final report needs every required answer; %n still open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required open</source>
        <translation>
            <numerusform>%n required open</numerusform>
            <numerusform>%n required open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n question(s) answered, %2 of them unknown / not disclosed.</source>
        <translation>
            <numerusform>%1 of %n question answered, %2 of them unknown / not disclosed.</numerusform>
            <numerusform>%1 of %n questions answered, %2 of them unknown / not disclosed.</numerusform>
        </translation>
    </message>
</context>
</TS>
