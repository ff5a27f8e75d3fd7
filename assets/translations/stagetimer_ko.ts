<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Quit StageTimer?</source>
        <translation>StageTimer를 종료할까요?</translation>
    </message>
    <message>
        <source>A show is running. Quit anyway? The presenter and projector screens will close.</source>
        <translation>행사가 진행 중입니다. 그래도 종료할까요? 발표자 화면과 프로젝터 화면도 함께 닫힙니다.</translation>
    </message>
    <message>
        <source>StageTimer — Presenter</source>
        <translation>StageTimer — 발표자 화면</translation>
    </message>
    <message>
        <source>StageTimer — Projector</source>
        <translation>StageTimer — 프로젝터 화면</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Break</source>
        <translation>휴식</translation>
    </message>
    <message>
        <source>Resumes at %1</source>
        <translation>%1에 재개</translation>
    </message>
    <message>
        <source>Starts in</source>
        <translation>시작까지</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>TIME IS UP</source>
        <translation>시간 종료</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>End of the programme</source>
        <translation>마지막 순서입니다</translation>
    </message>
    <message>
        <source>FIRST</source>
        <translation>첫 순서</translation>
    </message>
    <message>
        <source>The programme has ended</source>
        <translation>모든 순서가 끝났습니다</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <source>NOW</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>휴식</translation>
    </message>
    <message>
        <source>We resume at %1</source>
        <translation>%1에 다시 시작합니다</translation>
    </message>
    <message>
        <source>Starts at %1</source>
        <translation>%1 시작</translation>
    </message>
    <message>
        <source>Starting soon</source>
        <translation>곧 시작합니다</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>감사합니다</translation>
    </message>
</context>
<context>
    <name>ScreensMenu</name>
    <message>
        <source>&amp;Screens</source>
        <translation>화면(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Presenter on</source>
        <translation>발표자 화면 위치(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;rojector on</source>
        <translation>프로젝터 화면 위치(&amp;R)</translation>
    </message>
    <message>
        <source>(control)</source>
        <translation>(운영 화면)</translation>
    </message>
    <message>
        <source>Windowed</source>
        <translation>창 모드</translation>
    </message>
</context>
<context>
    <name>ShowError</name>
    <message>
        <source>No item is loaded: press Space to start the show</source>
        <translation>진행 중인 순서가 없습니다. Space 키를 눌러 행사를 시작하세요.</translation>
    </message>
    <message>
        <source>The show is over: press ← to go back to the last item</source>
        <translation>행사가 끝났습니다. ← 키를 누르면 마지막 순서로 돌아갑니다.</translation>
    </message>
    <message>
        <source>The agenda has no items</source>
        <translation>식순에 순서가 하나도 없습니다.</translation>
    </message>
    <message>
        <source>The show is over: there is no next item</source>
        <translation>행사가 끝났습니다. 다음 순서가 없습니다.</translation>
    </message>
    <message>
        <source>This is the first item: there is no previous one</source>
        <translation>첫 순서입니다. 이전 순서가 없습니다.</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>되돌릴 작업이 없습니다.</translation>
    </message>
</context>
</TS>
