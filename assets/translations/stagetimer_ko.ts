<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AgendaErrors</name>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} 중 하나</translation>
    </message>
    <message>
        <source>did you mean &apos;{word}&apos;?</source>
        <translation>혹시 &apos;{word}&apos;인가요?</translation>
    </message>
    <message>
        <source>the file is {size} MB, too large for an agenda</source>
        <translation>파일이 {size} MB로, 식순 파일로는 너무 큽니다</translation>
    </message>
    <message>
        <source>at most {limit} MB (is this the right file?)</source>
        <translation>최대 {limit} MB (올바른 파일인가요?)</translation>
    </message>
    <message>
        <source>byte 0x{byte} is not UTF-8 text</source>
        <translation>바이트 0x{byte}: UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>the file saved as UTF-8 (it is saved as UTF-16)</source>
        <translation>UTF-8로 저장된 파일 (지금은 UTF-16으로 저장되어 있습니다)</translation>
    </message>
    <message>
        <source>the file saved as UTF-8 (not EUC-KR/CP949)</source>
        <translation>UTF-8로 저장한 파일 (EUC-KR/CP949 아님)</translation>
    </message>
    <message>
        <source>not valid YAML: {detail}</source>
        <translation>YAML 문법 오류: {detail}</translation>
    </message>
    <message>
        <source>a tab is used for indentation here</source>
        <translation>여기서 들여쓰기에 탭을 썼습니다</translation>
    </message>
    <message>
        <source>indentation with spaces, not tabs</source>
        <translation>탭이 아닌 공백으로 들여쓰기</translation>
    </message>
    <message>
        <source>check quotes, colons and indentation</source>
        <translation>따옴표, 콜론, 들여쓰기가 맞는 YAML</translation>
    </message>
    <message>
        <source>the closing quote on the same line</source>
        <translation>같은 줄에서 닫는 따옴표</translation>
    </message>
    <message>
        <source>the quote opened here is never closed</source>
        <translation>여기서 연 따옴표가 닫히지 않습니다</translation>
    </message>
    <message>
        <source>the quote opened here runs on to line {line}</source>
        <translation>여기서 연 따옴표가 {line}번째 줄까지 이어집니다</translation>
    </message>
    <message>
        <source>YAML then stopped at line {line}: {problem}</source>
        <translation>YAML은 {line}번째 줄에서 멈춤: {problem}</translation>
    </message>
    <message>
        <source>the file contains U+{code} ({name}), which YAML does not allow</source>
        <translation>파일에 YAML이 허용하지 않는 문자 U+{code} ({name})가 있습니다</translation>
    </message>
    <message>
        <source>text only (is this the right file?)</source>
        <translation>텍스트만 (올바른 파일인가요?)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>an agenda with &apos;event:&apos; and &apos;items:&apos; (see docs/agenda-format.md)</source>
        <translation>&apos;event:&apos;와 &apos;items:&apos;가 있는 식순 (docs/agenda-format.md 참고)</translation>
    </message>
    <message>
        <source>the file expands to far more values than an agenda has (anchors and aliases nested too deep)</source>
        <translation>파일을 펼치면 식순에 있을 수 없을 만큼 많은 값이 됩니다 (앵커와 별칭이 너무 깊게 중첩됨)</translation>
    </message>
    <message>
        <source>each alias used a few times</source>
        <translation>몇 번씩만 쓰는 별칭</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>파일이 아닌 것</translation>
    </message>
    <message>
        <source>this is {kind}, not an agenda file</source>
        <translation>식순 파일이 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>the path of a YAML file</source>
        <translation>YAML 파일의 경로</translation>
    </message>
    <message>
        <source>a duration such as 10m, 90s, 1h30m or &quot;10:00&quot;</source>
        <translation>10m, 90s, 1h30m 또는 &quot;10:00&quot; 같은 길이</translation>
    </message>
    <message>
        <source>a time of day such as &quot;09:30&quot;</source>
        <translation>&quot;09:30&quot; 같은 시각</translation>
    </message>
    <message>
        <source>units must appear once each, in the order h, m, s (e.g. 1h30m)</source>
        <translation>단위는 h, m, s 차례로 한 번씩만 (예: 1h30m)</translation>
    </message>
    <message>
        <source>far too long for a duration (at most 24 hours)</source>
        <translation>길이로 보기에는 너무 깁니다 (최대 24시간)</translation>
    </message>
    <message>
        <source>the agenda</source>
        <translation>식순</translation>
    </message>
    <message>
        <source>event title</source>
        <translation>행사 제목</translation>
    </message>
    <message>
        <source>event subtitle</source>
        <translation>행사 부제목</translation>
    </message>
    <message>
        <source>event date</source>
        <translation>행사 날짜</translation>
    </message>
    <message>
        <source>event venue</source>
        <translation>행사 장소</translation>
    </message>
    <message>
        <source>event organiser</source>
        <translation>행사 주최</translation>
    </message>
    <message>
        <source>the section has no id</source>
        <translation>섹션에 id가 없습니다</translation>
    </message>
    <message>
        <source>section id</source>
        <translation>섹션 id</translation>
    </message>
    <message>
        <source>duplicate section id &apos;{id}&apos;</source>
        <translation>섹션 id &apos;{id}&apos; 중복</translation>
    </message>
    <message>
        <source>the item has no id</source>
        <translation>순서에 id가 없습니다</translation>
    </message>
    <message>
        <source>item id</source>
        <translation>순서 id</translation>
    </message>
    <message>
        <source>duplicate item id &apos;{id}&apos;</source>
        <translation>순서 id &apos;{id}&apos; 중복</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos; in {where}</source>
        <translation>{where}에 알 수 없는 키 &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>the agenda has no &apos;{key}:&apos;</source>
        <translation>식순에 &apos;{key}:&apos; 블록이 없습니다</translation>
    </message>
    <message>
        <source>a top-level &apos;{key}:&apos; block</source>
        <translation>맨 위 단계의 &apos;{key}:&apos; 블록</translation>
    </message>
    <message>
        <source>the default thresholds</source>
        <translation>기본 thresholds</translation>
    </message>
    <message>
        <source>&apos;event&apos;</source>
        <translation>&apos;event&apos;</translation>
    </message>
    <message>
        <source>event date &apos;{date}&apos; is not a date</source>
        <translation>행사 날짜 &apos;{date}&apos;은(는) 날짜가 아닙니다</translation>
    </message>
    <message>
        <source>a date such as &quot;2025-12-02&quot;</source>
        <translation>&quot;2025-12-02&quot; 같은 날짜</translation>
    </message>
    <message>
        <source>the event has no title</source>
        <translation>행사 제목이 없습니다</translation>
    </message>
    <message>
        <source>title: the event&apos;s name</source>
        <translation>title: 행사 이름</translation>
    </message>
    <message>
        <source>event language</source>
        <translation>행사 언어</translation>
    </message>
    <message>
        <source>unknown language &apos;{language}&apos;</source>
        <translation>알 수 없는 언어 &apos;{language}&apos;</translation>
    </message>
    <message>
        <source>ko or en</source>
        <translation>ko 또는 en</translation>
    </message>
    <message>
        <source>event start</source>
        <translation>행사 시작 시각</translation>
    </message>
    <message>
        <source>the event has no start time</source>
        <translation>행사 시작 시각이 없습니다</translation>
    </message>
    <message>
        <source>start: a time of day such as &quot;09:30&quot;</source>
        <translation>start: &quot;09:30&quot; 같은 시각</translation>
    </message>
    <message>
        <source>event end</source>
        <translation>행사 종료 시각</translation>
    </message>
    <message>
        <source>the event ends at {end}, not after its start {start}</source>
        <translation>행사 종료({end})가 시작({start})보다 늦지 않습니다</translation>
    </message>
    <message>
        <source>event hard end</source>
        <translation>행사 최종 종료 시각</translation>
    </message>
    <message>
        <source>the hard end {hard_end} is before the event&apos;s end {end}</source>
        <translation>최종 종료 시각({hard_end})이 행사 종료({end})보다 이릅니다</translation>
    </message>
    <message>
        <source>a hard end at or after the end (the latest the day may run)</source>
        <translation>행사 종료와 같거나 그 뒤의 최종 종료 시각 (행사가 늦어질 수 있는 한계)</translation>
    </message>
    <message>
        <source>the hard end {hard_end} is not after the start {start}</source>
        <translation>최종 종료 시각({hard_end})이 시작({start})보다 늦지 않습니다</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고(warning)</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>위험(danger)</translation>
    </message>
    <message>
        <source>danger ({danger}s) comes before warning ({warning}s)</source>
        <translation>위험(danger, {danger}초)이 경고(warning, {warning}초)보다 먼저 옵니다</translation>
    </message>
    <message>
        <source>warning at least as long as danger, e.g. warning: 2m, danger: 1m</source>
        <translation>danger 이상인 warning (예: warning: 2m, danger: 1m)</translation>
    </message>
    <message>
        <source>&apos;sections&apos;</source>
        <translation>&apos;sections&apos;</translation>
    </message>
    <message>
        <source>- id: forum
    title: …</source>
        <translation>- id: forum
    title: …</translation>
    </message>
    <message>
        <source>a section</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>section title</source>
        <translation>섹션 제목</translation>
    </message>
    <message>
        <source>the section has no title</source>
        <translation>섹션 제목이 없습니다</translation>
    </message>
    <message>
        <source>title: …</source>
        <translation>title: …</translation>
    </message>
    <message>
        <source>id: a short name such as opening (letters, digits, - or _)</source>
        <translation>id: opening 같은 짧은 이름 (영문자, 숫자, -, _)</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is not a usable id</source>
        <translation>쓸 수 없는 id &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>letters, digits, - and _ only, e.g. case-kt</source>
        <translation>영문자, 숫자, -, _만 (예: case-kt)</translation>
    </message>
    <message>
        <source>already used on line {line}</source>
        <translation>이미 {line}번째 줄에서 사용</translation>
    </message>
    <message>
        <source>{what} cannot be negative (got &apos;{raw}&apos;)</source>
        <translation>{what}: 음수는 쓸 수 없습니다 (입력값 &apos;{raw}&apos;)</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a duration</source>
        <translation>읽을 수 없는 값 &apos;{raw}&apos;</translation>
    </message>
    <message>
        <source>{what}: {detail}</source>
        <translation>{what}: {detail}</translation>
    </message>
    <message>
        <source>{what} &apos;{raw}&apos; is longer than 24 hours</source>
        <translation>{what}: &apos;{raw}&apos;은(는) 24시간보다 깁니다</translation>
    </message>
    <message>
        <source>at most 24h, one day (is the unit right? 90m, not 90h)</source>
        <translation>최대 24h, 하루 (단위가 맞나요? 90h가 아니라 90m)</translation>
    </message>
    <message>
        <source>{what} must be longer than zero (got &apos;{raw}&apos;)</source>
        <translation>{what}: 0보다 길어야 합니다 (입력값 &apos;{raw}&apos;)</translation>
    </message>
    <message>
        <source>{what} &apos;{raw}&apos; is not a time of day</source>
        <translation>{what}: 시각으로 읽을 수 없는 값 &apos;{raw}&apos;</translation>
    </message>
    <message>
        <source>an item</source>
        <translation>순서</translation>
    </message>
    <message>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>발표자</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>소속</translation>
    </message>
    <message>
        <source>note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>presenter note</source>
        <translation>발표자 메모</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>section</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>- id: opening
    title: …
    duration: 5m</source>
        <translation>- id: opening
    title: …
    duration: 5m</translation>
    </message>
    <message>
        <source>&apos;items&apos;</source>
        <translation>&apos;items&apos;</translation>
    </message>
    <message>
        <source>&apos;items&apos; is empty: there is nothing to run</source>
        <translation>&apos;items&apos; 목록이 비어 있어 진행할 순서가 없습니다</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; has no title</source>
        <translation>순서 &apos;{id}&apos;에 제목이 없습니다</translation>
    </message>
    <message>
        <source>title: what the audience sees</source>
        <translation>title: 청중에게 보이는 제목</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; has no duration</source>
        <translation>순서 &apos;{id}&apos;에 길이가 없습니다</translation>
    </message>
    <message>
        <source>start</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>the item&apos;s thresholds</source>
        <translation>순서의 thresholds</translation>
    </message>
    <message>
        <source>min</source>
        <translation>최소 길이(min)</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; may shrink to {min}, which is longer than its duration {duration}</source>
        <translation>항목 &apos;{id}&apos;의 최소 길이 {min}이(가) 진행 시간 {duration}보다 깁니다</translation>
    </message>
    <message>
        <source>a min no longer than the duration, such as min: 15m</source>
        <translation>진행 시간보다 길지 않은 최소 길이 (예: min: 15m)</translation>
    </message>
    <message>
        <source>unknown kind &apos;{kind}&apos;</source>
        <translation>알 수 없는 유형 &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>both &apos;speaker&apos; and &apos;speakers&apos; are given</source>
        <translation>&apos;speaker&apos;와 &apos;speakers&apos;가 함께 있습니다</translation>
    </message>
    <message>
        <source>one of them</source>
        <translation>둘 중 하나만</translation>
    </message>
    <message>
        <source>&apos;speakers&apos;</source>
        <translation>&apos;speakers&apos;</translation>
    </message>
    <message>
        <source>speakers: [name, name]</source>
        <translation>speakers: [이름, 이름]</translation>
    </message>
    <message>
        <source>a speaker</source>
        <translation>발표자</translation>
    </message>
    <message>
        <source>a section defined under &apos;sections:&apos;</source>
        <translation>&apos;sections:&apos; 아래에 정의한 섹션</translation>
    </message>
    <message>
        <source>no section has the id &apos;{id}&apos;</source>
        <translation>id가 &apos;{id}&apos;인 섹션이 없습니다</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; starts {start} and lasts {length}: it would run past midnight, to {end} the next day</source>
        <translation>순서 &apos;{id}&apos;는 {start}에 시작해 {length} 동안 이어져 자정을 넘어 다음 날 {end}까지 갑니다</translation>
    </message>
    <message>
        <source>a programme that ends by midnight (StageTimer runs one day)</source>
        <translation>자정 전에 끝나는 식순 (StageTimer는 하루 단위로 진행)</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; is fixed at {time}, before the event starts at {event_start}</source>
        <translation>순서 &apos;{id}&apos;의 고정 시작({time})이 행사 시작({event_start})보다 이릅니다</translation>
    </message>
    <message>
        <source>a start time within the event</source>
        <translation>행사 시간 안의 시작 시각</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; is fixed at {time}, before the item above it (&apos;{previous}&apos;, line {line}) starts at {previous_start}</source>
        <translation>순서 &apos;{id}&apos;의 고정 시작({time})이 바로 위 순서(&apos;{previous}&apos;, {line}번째 줄)의 시작({previous_start})보다 이릅니다</translation>
    </message>
    <message>
        <source>items listed in the order they happen</source>
        <translation>진행되는 차례대로 나열한 순서</translation>
    </message>
    <message>
        <source>a key must be a plain name</source>
        <translation>키는 평범한 이름이어야 합니다</translation>
    </message>
    <message>
        <source>e.g. title:</source>
        <translation>title: 같은 이름</translation>
    </message>
    <message>
        <source>key &apos;{key}&apos; appears twice in the same block</source>
        <translation>같은 블록에 &apos;{key}&apos; 키가 두 번 있습니다</translation>
    </message>
    <message>
        <source>first on line {line}</source>
        <translation>처음은 {line}번째 줄</translation>
    </message>
    <message>
        <source>&apos;&lt;&lt;&apos; must merge a mapping</source>
        <translation>&apos;&lt;&lt;&apos;로는 매핑만 병합할 수 있습니다</translation>
    </message>
    <message>
        <source>&lt;&lt;: *name where &amp;name marks a mapping</source>
        <translation>&lt;&lt;: *name (&amp;name은 매핑에 붙인 이름)</translation>
    </message>
    <message>
        <source>{what} must be a block of &apos;key: value&apos; lines, not {got}</source>
        <translation>{what}: &apos;key: value&apos; 줄로 된 블록이어야 합니다 (지금은 {got})</translation>
    </message>
    <message>
        <source>{what} must be a list, not {got}</source>
        <translation>{what}: 목록이어야 합니다 (지금은 {got})</translation>
    </message>
    <message>
        <source>{what} is empty</source>
        <translation>{what}: 값이 비어 있습니다</translation>
    </message>
    <message>
        <source>a value after the colon</source>
        <translation>콜론 뒤의 값</translation>
    </message>
    <message>
        <source>text on the same line</source>
        <translation>같은 줄의 텍스트</translation>
    </message>
    <message>
        <source>{what} is {count} characters long</source>
        <translation>{what}: 길이가 {count}자입니다</translation>
    </message>
    <message>
        <source>at most {limit} characters (more does not fit a screen)</source>
        <translation>최대 {limit}자 (그 이상은 화면에 담기지 않음)</translation>
    </message>
    <message>
        <source>{what} contains U+{code} ({name}) at character {index}</source>
        <translation>{what}: {index}번째 글자에 U+{code} ({name})가 있습니다</translation>
    </message>
    <message>
        <source>plain text: no control characters or direction overrides (line breaks are fine)</source>
        <translation>일반 텍스트: 제어 문자나 방향 지정 문자 없이 (줄바꿈은 괜찮음)</translation>
    </message>
    <message>
        <source>a block of keys</source>
        <translation>키 블록</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>빈 값</translation>
    </message>
    <message>
        <source>&apos;{value}&apos;</source>
        <translation>&apos;{value}&apos;</translation>
    </message>
    <message>
        <source>{what} must be a single value, not {got}</source>
        <translation>{what}: 값 하나여야 합니다 (지금은 {got})</translation>
    </message>
    <message>
        <source>the alias *{anchor} is used inside the block &amp;{anchor} marks (a loop)</source>
        <translation>별칭 *{anchor}가 &amp;{anchor}로 표시한 블록 안에서 쓰였습니다 (순환)</translation>
    </message>
    <message>
        <source>an alias to an anchor defined before and outside this block</source>
        <translation>이 블록 앞, 바깥에서 정의한 앵커를 가리키는 별칭</translation>
    </message>
    <message>
        <source>&apos;&lt;&lt;&apos; merges are nested {depth} deep here</source>
        <translation>여기서 &apos;&lt;&lt;&apos; 병합이 {depth}단계로 중첩됩니다</translation>
    </message>
    <message>
        <source>merges nested at most {limit} deep</source>
        <translation>최대 {limit}단계까지 중첩된 병합</translation>
    </message>
    <message>
        <source>the alias *{anchor} makes the file expand to more than {limit} values (an alias bomb: anchors and aliases nested too deep)</source>
        <translation>별칭 *{anchor} 때문에 파일을 펼치면 값이 {limit}개를 넘습니다 (별칭 폭탄: 앵커와 별칭이 너무 깊게 중첩됨)</translation>
    </message>
    <message>
        <source>event logo</source>
        <translation>행사 로고</translation>
    </message>
    <message>
        <source>an SVG or PNG file, its path relative to the agenda file</source>
        <translation>SVG 또는 PNG 파일 (경로는 일정표 파일 기준)</translation>
    </message>
    <message>
        <source>the event logo is empty</source>
        <translation>행사 로고가 비어 있습니다</translation>
    </message>
    <message>
        <source>logo &apos;{path}&apos; is not an .svg or .png file</source>
        <translation>로고 &apos;{path}&apos;는 .svg 또는 .png 파일이 아닙니다</translation>
    </message>
    <message>
        <source>logo file &apos;{path}&apos; does not exist (looked in {folder})</source>
        <translation>로고 파일 &apos;{path}&apos;이(가) 없습니다 (찾은 폴더: {folder})</translation>
    </message>
    <message>
        <source>logo file &apos;{path}&apos; cannot be read</source>
        <translation>로고 파일 &apos;{path}&apos;을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>logo &apos;{path}&apos; is not a file</source>
        <translation>로고 &apos;{path}&apos;은(는) 파일이 아닙니다</translation>
    </message>
    <message>
        <source>logo file &apos;{path}&apos; is larger than {limit} MB</source>
        <translation>로고 파일 &apos;{path}&apos;이(가) {limit} MB보다 큽니다</translation>
    </message>
    <message>
        <source>logo file &apos;{path}&apos; is not a PNG image</source>
        <translation>로고 파일 &apos;{path}&apos;은(는) PNG 이미지가 아닙니다</translation>
    </message>
    <message>
        <source>logo file &apos;{path}&apos; is not an SVG image</source>
        <translation>로고 파일 &apos;{path}&apos;은(는) SVG 이미지가 아닙니다</translation>
    </message>
    <message>
        <source>then</source>
        <translation>0이 되면(then)</translation>
    </message>
    <message>
        <source>unknown &apos;then&apos; &apos;{then}&apos;: what happens at zero</source>
        <translation>알 수 없는 then 값 &apos;{then}&apos;: 0이 되었을 때 할 일</translation>
    </message>
    <message>
        <source>grace</source>
        <translation>유예 시간(grace)</translation>
    </message>
    <message>
        <source>&apos;grace&apos; applies to &apos;then: load&apos; only (here &apos;then&apos; is {then})</source>
        <translation>&apos;grace&apos;는 &apos;then: load&apos;에만 쓸 수 있습니다 (여기서 then은 {then})</translation>
    </message>
    <message>
        <source>then: load with grace: 30s, or no grace</source>
        <translation>then: load와 grace: 30s, 또는 grace 없이</translation>
    </message>
    <message>
        <source>ends_at</source>
        <translation>종료 시각(ends_at)</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; has both &apos;duration&apos; and &apos;ends_at&apos;: its length follows from &apos;ends_at&apos;</source>
        <translation>순서 &apos;{id}&apos;에 &apos;duration&apos;과 &apos;ends_at&apos;이 모두 있습니다: 길이는 &apos;ends_at&apos;으로 정해집니다</translation>
    </message>
    <message>
        <source>one of them (min: for the shortest it may become)</source>
        <translation>둘 중 하나 (가장 짧아질 수 있는 길이는 min:으로)</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; ends at {time}, before the event starts at {start}</source>
        <translation>순서 &apos;{id}&apos;의 종료 시각({time})이 행사 시작({start})보다 이릅니다</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; ends at {time}, not after its planned start {start}</source>
        <translation>순서 &apos;{id}&apos;의 종료 시각({time})이 예정 시작({start})보다 늦지 않습니다</translation>
    </message>
    <message>
        <source>item &apos;{id}&apos; may shrink to {min}, which is longer than its planned {length} (to {time})</source>
        <translation>순서 &apos;{id}&apos;의 최소 길이 {min}이(가) 예정 길이 {length}({time}까지)보다 깁니다</translation>
    </message>
    <message>
        <source>an end after the item&apos;s planned start, such as ends_at: &quot;12:30&quot;</source>
        <translation>예정 시작보다 늦은 종료 시각, 예: ends_at: &quot;12:30&quot;</translation>
    </message>
    <message>
        <source>&apos;cues&apos;</source>
        <translation>&apos;cues&apos;(신호음)</translation>
    </message>
    <message>
        <source>&apos;messages&apos;</source>
        <translation>&apos;messages&apos;(자동 메시지)</translation>
    </message>
    <message>
        <source>on, off, or {warning: chime, danger: double, zero: gong}</source>
        <translation>on, off 또는 {warning: chime, danger: double, zero: gong}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a way to set cues</source>
        <translation>&apos;{value}&apos;(으)로는 신호음을 설정할 수 없습니다</translation>
    </message>
    <message>
        <source>the {moment} cue</source>
        <translation>{moment} 신호음</translation>
    </message>
    <message>
        <source>unknown sound &apos;{name}&apos; for the {moment} cue</source>
        <translation>{moment} 신호음에 알 수 없는 소리 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>the {moment} message</source>
        <translation>{moment} 메시지</translation>
    </message>
</context>
<context>
    <name>AgendaStatus</name>
    <message>
        <source>expected %1</source>
        <translation>올바른 형식: %1</translation>
    </message>
    <message>
        <source>Agenda reloaded %1</source>
        <translation>식순을 다시 불러왔습니다 %1</translation>
    </message>
    <message>
        <source>%1 has an error — the show runs on with the last good agenda</source>
        <translation>%1에 오류가 있습니다 — 마지막으로 올바르던 식순으로 계속 진행합니다</translation>
    </message>
    <message>
        <source>%1 has %2 errors — the show runs on with the last good agenda</source>
        <translation>%1에 오류가 %2개 있습니다 — 마지막으로 올바르던 식순으로 계속 진행합니다</translation>
    </message>
</context>
<context>
    <name>AgendaTable</name>
    <message>
        <source>Planned</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>예상</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>+/−</source>
        <translation>+/−</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>발표자</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>→%1</source>
        <translation>%1까지</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>예정</translation>
    </message>
</context>
<context>
    <name>AgendaWatcher</name>
    <message>
        <source>StageTimer could not check this edit (internal error: %1); the last good agenda stays. Please report it with the log</source>
        <translation>StageTimer 내부 오류로 이번 수정을 확인하지 못했습니다(%1). 마지막으로 올바르던 식순을 유지합니다. 로그와 함께 알려 주세요</translation>
    </message>
    <message>
        <source>The agenda file was removed or cannot be read; the last good agenda stays</source>
        <translation>식순 파일이 삭제되었거나 읽을 수 없습니다. 마지막으로 올바르던 식순을 유지합니다</translation>
    </message>
</context>
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
    <message>
        <source>NOT RECORDED: the show journal cannot be written</source>
        <translation>기록 안 됨: 진행 기록 파일을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ControlWindow</name>
    <message>
        <source>StageTimer — Control</source>
        <translation>StageTimer — 운영 화면</translation>
    </message>
    <message>
        <source>Presenter screen</source>
        <translation>발표자 화면</translation>
    </message>
    <message>
        <source>Projector screen</source>
        <translation>프로젝터 화면</translation>
    </message>
    <message>
        <source>Projector screen — BLACKOUT</source>
        <translation>프로젝터 화면 — 꺼짐</translation>
    </message>
    <message>
        <source>This agenda has no cues to mute.</source>
        <translation>이 일정표에는 음소거할 신호음이 없습니다.</translation>
    </message>
    <message>
        <source>Cues muted (S brings them back).</source>
        <translation>신호음 음소거됨 (S를 누르면 다시 켜집니다).</translation>
    </message>
    <message>
        <source>Cues on.</source>
        <translation>신호음 켜짐.</translation>
    </message>
    <message>
        <source>Jumped to %1 — Ctrl+Z to undo</source>
        <translation>이동: %1 — Ctrl+Z로 되돌리기</translation>
    </message>
    <message>
        <source>Now at %1 — Space starts it</source>
        <translation>현재 순서: %1 — Space 키로 시작</translation>
    </message>
    <message>
        <source>Message not sent</source>
        <translation>메시지를 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Message shown to the speaker: %1</source>
        <translation>발표자에게 메시지 표시: %1</translation>
    </message>
    <message>
        <source>Message cleared</source>
        <translation>메시지를 지웠습니다</translation>
    </message>
    <message>
        <source>Choose a row first (↑ ↓), then G or Enter</source>
        <translation>먼저 행을 고른 뒤(↑ ↓) G 또는 Enter</translation>
    </message>
    <message>
        <source>That was the last item: the show is over (← goes back)</source>
        <translation>마지막 순서였습니다. 행사가 끝났습니다 (← 키로 돌아가기)</translation>
    </message>
    <message>
        <source>Ready: %1 — Space starts it</source>
        <translation>대기: %1 — Space 키로 시작</translation>
    </message>
    <message>
        <source>Back to %1, where it was</source>
        <translation>되돌아감: %1 — 멈췄던 그대로</translation>
    </message>
    <message>
        <source>+1 minute: %1 left</source>
        <translation>+1분: %1 남음</translation>
    </message>
    <message>
        <source>−1 minute: the speaker is now over time (+ gives it back)</source>
        <translation>−1분: 이제 시간 초과입니다 (+ 키로 되돌리기)</translation>
    </message>
    <message>
        <source>−1 minute: %1 left</source>
        <translation>−1분: %1 남음</translation>
    </message>
    <message>
        <source>The show has started: %1 — Ctrl+Z takes it back</source>
        <translation>행사를 시작했습니다: %1 — Ctrl+Z 키로 되돌립니다</translation>
    </message>
    <message>
        <source>Skipped %1 (never started) — ready: %2, Space starts it</source>
        <translation>%1 건너뜀 (시작하지 않음) — 준비: %2, Space 키로 시작</translation>
    </message>
    <message>
        <source>Skipped %1 (never started) — %2 has started</source>
        <translation>%1 건너뜀 (시작하지 않음) — %2 시작됨</translation>
    </message>
    <message>
        <source>%1 reset to its full time, stopped — Ctrl+Z to undo</source>
        <translation>초기화: %1 — 처음 시간으로, 정지 상태 (Ctrl+Z로 되돌리기)</translation>
    </message>
    <message>
        <source>Undone: back to %1</source>
        <translation>되돌렸습니다: %1</translation>
    </message>
    <message>
        <source>Undone: back to the welcome screen</source>
        <translation>되돌림: 시작 전 화면으로 돌아갔습니다</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>되돌렸습니다</translation>
    </message>
    <message>
        <source>Message pinned: it stays when the item changes (P unpins)</source>
        <translation>메시지 고정: 순서가 바뀌어도 남습니다 (P 키로 해제)</translation>
    </message>
    <message>
        <source>Message unpinned: it goes when the item changes</source>
        <translation>메시지 고정 해제: 순서가 바뀌면 지워집니다</translation>
    </message>
    <message>
        <source>Projector blacked out — B brings it back</source>
        <translation>프로젝터 화면을 껐습니다 — B 키로 다시 켜기</translation>
    </message>
    <message>
        <source>Projector back on</source>
        <translation>프로젝터 화면을 다시 켰습니다</translation>
    </message>
    <message>
        <source>Started fresh: the earlier record is archived in the show folder</source>
        <translation>새로 시작했습니다. 이전 기록은 진행 기록 폴더에 보관했습니다</translation>
    </message>
    <message>
        <source>Re-planned: %1 — Ctrl+Z to undo</source>
        <translation>일정 조정: %1 — Ctrl+Z로 되돌리기</translation>
    </message>
    <message>
        <source>Automatic planning on: the plan is applied at every item change</source>
        <translation>자동 조정 켬: 순서가 바뀔 때마다 조정안을 적용합니다</translation>
    </message>
    <message>
        <source>Automatic planning off</source>
        <translation>자동 조정 끔</translation>
    </message>
    <message>
        <source>%1 items shortened, %2 min recovered</source>
        <translation>%1개 순서 단축, %2분 회복</translation>
    </message>
    <message>
        <source>still %1 min over at the minimums</source>
        <translation>최소 길이로도 %1분 초과</translation>
    </message>
    <message>
        <source>Automatic plan: %1</source>
        <translation>자동 조정: %1</translation>
    </message>
    <message>
        <source>the message to the speaker was cleared (P pins a message to keep it)</source>
        <translation>발표자 메시지를 지웠습니다 (남기려면 P 키로 고정)</translation>
    </message>
    <message>
        <source>Remote: %1</source>
        <translation>원격: %1</translation>
    </message>
    <message>
        <source>OSC: %1</source>
        <translation>OSC: %1</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>시작: %1</translation>
    </message>
    <message>
        <source>Resumed %1</source>
        <translation>다시 시작: %1</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>일시정지: %1</translation>
    </message>
    <message>
        <source>The system clock changed by %1 while StageTimer was closed; the countdown kept its own time</source>
        <translation>StageTimer가 꺼져 있는 동안 시스템 시계가 %1 바뀌었습니다. 카운트다운은 자체 시간을 유지했습니다</translation>
    </message>
    <message>
        <source>The computer was restarted: the time it was off is taken from the wall clock</source>
        <translation>컴퓨터가 다시 시작되었습니다. 꺼져 있던 시간은 시스템 시계로 계산했습니다</translation>
    </message>
    <message>
        <source>The record is from an earlier version: the time StageTimer was closed comes from the wall clock</source>
        <translation>이전 버전의 기록입니다. StageTimer가 꺼져 있던 시간은 시스템 시계로 계산했습니다</translation>
    </message>
    <message>
        <source>The last record was %1 old: kept as %2, not resumed (rename it journal.jsonl, start with --resume)</source>
        <translation>마지막 기록이 %1 전이라 이어서 진행하지 않고 %2(으)로 보관했습니다 (이어서 하려면 이름을 journal.jsonl로 바꾸고 --resume으로 시작하세요)</translation>
    </message>
    <message>
        <source>The show journal could not be read (%1): set aside as %2, a new show begins</source>
        <translation>진행 기록을 읽을 수 없어(%1) %2(으)로 옮겨 두고 새로 시작합니다</translation>
    </message>
    <message>
        <source>The last record is dated %1 after now: the system clock was set back; the time StageTimer was closed is not counted</source>
        <translation>마지막 기록이 지금보다 %1 뒤의 시각입니다. 시스템 시계가 뒤로 바뀌었으므로 StageTimer가 꺼져 있던 시간은 계산하지 않았습니다</translation>
    </message>
    <message>
        <source>Automatically ready: %2, Space starts it (%1 reached zero; Ctrl+Z takes it back)</source>
        <translation>자동으로 다음 순서 준비: %2, Space 키로 시작 (%1 시간 종료, Ctrl+Z 키로 되돌림)</translation>
    </message>
    <message>
        <source>Automatically started: %2 (%1 reached zero; Ctrl+Z takes it back)</source>
        <translation>자동으로 다음 순서 시작: %2 (%1 시간 종료, Ctrl+Z 키로 되돌림)</translation>
    </message>
    <message>
        <source>Automatically over: %1 reached zero, that was the last item (← goes back)</source>
        <translation>자동으로 행사 종료: %1 시간 종료, 마지막 순서였습니다 (← 키로 돌아가기)</translation>
    </message>
    <message>
        <source>%1 damaged journal line(s) skipped, the first: %2</source>
        <translation>손상된 진행 기록 %1줄을 건너뛰었습니다. 첫 번째: %2</translation>
    </message>
    <message>
        <source>Flashing the presenter screen</source>
        <translation>발표자 화면 깜박임</translation>
    </message>
    <message>
        <source>Countdown on the projector: on</source>
        <translation>프로젝터 카운트다운: 켬</translation>
    </message>
    <message>
        <source>Countdown on the projector: off</source>
        <translation>프로젝터 카운트다운: 끔</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>정시 진행</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>%1 지연</translation>
    </message>
    <message>
        <source>%1 ahead</source>
        <translation>%1 앞섬</translation>
    </message>
    <message>
        <source>PROJECTOR BLACKOUT</source>
        <translation>프로젝터 화면 꺼짐</translation>
    </message>
    <message>
        <source>Countdown on projector</source>
        <translation>프로젝터에 카운트다운 표시 중</translation>
    </message>
    <message>
        <source>Cues on · S mutes</source>
        <translation>신호음 켜짐 · S 음소거</translation>
    </message>
    <message>
        <source>Cues muted · S</source>
        <translation>신호음 음소거됨 · S</translation>
    </message>
    <message>
        <source>Cues: no sound device</source>
        <translation>신호음: 소리 장치 없음</translation>
    </message>
    <message>
        <source>Ends %1 · planned %2</source>
        <translation>종료 예상 %1 · 계획 %2</translation>
    </message>
    <message>
        <source>Rehearsal ×%1</source>
        <translation>리허설 ×%1</translation>
    </message>
    <message>
        <source>agenda: %1 · today: %2</source>
        <translation>식순 날짜: %1 · 오늘: %2</translation>
    </message>
    <message>
        <source>System clock changed by %1: the show keeps its own time</source>
        <translation>시스템 시계가 %1 바뀌었습니다: 행사 시계는 그대로입니다</translation>
    </message>
    <message>
        <source>Starts at %1 · Space starts the first item</source>
        <translation>%1 시작 예정 · Space 키로 첫 순서 시작</translation>
    </message>
    <message>
        <source>BEFORE THE SHOW</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>to the start</source>
        <translation>시작까지</translation>
    </message>
    <message>
        <source>late start</source>
        <translation>시작 지연</translation>
    </message>
    <message>
        <source>Ended %1 · planned %2 · ← goes back to the last item</source>
        <translation>%1 종료 · 계획 %2 · ← 키로 마지막 순서로 돌아가기</translation>
    </message>
    <message>
        <source>The show is over</source>
        <translation>행사가 끝났습니다</translation>
    </message>
    <message>
        <source>CLOSED</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Resumes at %1</source>
        <translation>%1에 재개</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>❚❚ PAUSED · Space resumes</source>
        <translation>❚❚ 일시 정지 · Space 키로 재개</translation>
    </message>
    <message>
        <source>READY · Space starts</source>
        <translation>대기 · Space 키로 시작</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>(planned %1)</source>
        <translation>(계획 %1)</translation>
    </message>
    <message>
        <source>Next at %1: %2</source>
        <translation>다음 %1 — %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>메모: %1</translation>
    </message>
    <message>
        <source>Message to speaker:</source>
        <translation>발표자 메시지:</translation>
    </message>
    <message>
        <source>Clear  (Esc)</source>
        <translation>지우기  (Esc)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>pinned: stays on the next item (P unpins)</source>
        <translation>고정됨: 다음 순서에도 남습니다 (P 키로 해제)</translation>
    </message>
    <message>
        <source>clears at the next item (P pins)</source>
        <translation>다음 순서에서 지워집니다 (P 키로 고정)</translation>
    </message>
    <message>
        <source>the Presenter window</source>
        <translation>발표자 화면 창</translation>
    </message>
    <message>
        <source>the Projector window</source>
        <translation>프로젝터 화면 창</translation>
    </message>
    <message>
        <source>Screen “%1” disconnected: %2 is now a window on %3</source>
        <translation>화면 “%1” 연결 끊김: %2은 지금 %3의 일반 창입니다</translation>
    </message>
    <message>
        <source>Screen “%1” disconnected: %2 is now full screen on %3</source>
        <translation>화면 “%1” 연결 끊김: %2은 지금 %3에 전체 화면으로 있습니다</translation>
    </message>
    <message>
        <source>%1 min over</source>
        <translation>%1분 초과 예상</translation>
    </message>
    <message>
        <source>%1 — every item is at its minimum</source>
        <translation>%1 — 줄일 수 있는 순서가 모두 최소 길이입니다</translation>
    </message>
    <message>
        <source>%1 %2→%3 min</source>
        <translation>%1 %2→%3분</translation>
    </message>
    <message>
        <source>%1 — proposal: %2</source>
        <translation>%1 — 제안: %2</translation>
    </message>
    <message>
        <source> — still %1 min over at the minimums</source>
        <translation> — 최소 길이로도 %1분 초과</translation>
    </message>
    <message>
        <source>Planner:</source>
        <translation>일정 조정:</translation>
    </message>
    <message>
        <source>automatic: the plan is applied at every item change (Shift+A stops)</source>
        <translation>자동: 순서가 바뀔 때마다 조정안을 적용합니다 (Shift+A로 끄기)</translation>
    </message>
    <message>
        <source>the day ends on time: nothing to recover</source>
        <translation>정시 종료 예정: 조정할 것이 없습니다</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Done, but the show journal could not be written (%1): a crash now would lose it</source>
        <translation>적용했지만 진행 기록을 저장하지 못했습니다(%1). 지금 앱이 멈추면 이 조작은 사라집니다</translation>
    </message>
</context>
<context>
    <name>CrashLog</name>
    <message>
        <source>Internal error (%1), written to %2 — the show goes on</source>
        <translation>내부 오류(%1)를 %2에 기록했습니다 — 진행은 계속됩니다</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>▾ Keys (hide buttons)</source>
        <translation>▾ 단축키 (버튼 숨기기)</translation>
    </message>
    <message>
        <source>▸ Keys (show buttons)</source>
        <translation>▸ 단축키 (버튼 보기)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start / pause</source>
        <translation>시작/일시 정지</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Next + start</source>
        <translation>다음 + 시작</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1분</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1분</translation>
    </message>
    <message>
        <source>Reset item</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Go to row</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>G / Enter</source>
        <translation>G / Enter</translation>
    </message>
    <message>
        <source>Blackout</source>
        <translation>화면 끄기</translation>
    </message>
    <message>
        <source>Flash presenter</source>
        <translation>깜박임</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Clear message</source>
        <translation>메시지 지우기</translation>
    </message>
    <message>
        <source>Pin message</source>
        <translation>메시지 고정</translation>
    </message>
    <message>
        <source>Projector timer</source>
        <translation>프로젝터 타이머</translation>
    </message>
    <message>
        <source>Apply plan</source>
        <translation>조정 적용</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동 조정</translation>
    </message>
    <message>
        <source>Mute cues</source>
        <translation>신호음 음소거</translation>
    </message>
    <message>
        <source>Choose a row</source>
        <translation>행 선택</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>ko</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LinkCard</name>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Control token: for the crew only</source>
        <translation>제어 토큰 포함: 운영진에게만 전달</translation>
    </message>
    <message>
        <source>%1 connected</source>
        <translation>%1대 접속</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
</context>
<context>
    <name>Logo</name>
    <message>
        <source>The logo %1 cannot be drawn (a damaged or unsupported file): the projector shows none.</source>
        <translation>로고 %1을(를) 그릴 수 없습니다 (손상되었거나 지원하지 않는 파일): 프로젝터에 로고 없이 표시합니다.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Message to the speaker</source>
        <translation>발표자에게 메시지</translation>
    </message>
    <message>
        <source>On the presenter screen now: %1</source>
        <translation>지금 발표자 화면: %1</translation>
    </message>
    <message>
        <source>Type a message, or press 1–%1 for a preset</source>
        <translation>메시지를 입력하거나 1–%1 키로 문구를 고르세요</translation>
    </message>
    <message>
        <source>Enter sends · Esc closes without sending · an empty message clears the screen</source>
        <translation>Enter 보내기 · Esc 보내지 않고 닫기 · 빈 메시지를 보내면 화면의 메시지가 지워집니다</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>Port %1 is already in use by another program: choose another port</source>
        <translation>포트 %1은(는) 다른 프로그램이 이미 쓰고 있습니다: 다른 포트를 고르세요</translation>
    </message>
    <message>
        <source>%2 is not an address of this computer: choose one from the list</source>
        <translation>%2은(는) 이 컴퓨터의 주소가 아닙니다: 목록에서 고르세요</translation>
    </message>
    <message>
        <source>Port %1 needs administrator rights: choose a port above 1023</source>
        <translation>포트 %1은(는) 관리자 권한이 필요합니다: 1023보다 큰 포트를 고르세요</translation>
    </message>
    <message>
        <source>Cannot serve on %2:%1 (%3)</source>
        <translation>%2:%1에서 서비스할 수 없습니다 (%3)</translation>
    </message>
    <message>
        <source>OSC is off: UDP port %1 is already in use by another program — choose another OSC port (the browser views are served)</source>
        <translation>OSC 꺼짐: UDP 포트 %1은(는) 다른 프로그램이 이미 쓰고 있습니다 — 다른 OSC 포트를 고르세요 (브라우저 화면은 서비스 중)</translation>
    </message>
    <message>
        <source>OSC is off: %2 is not an address of this computer — choose another OSC address (the browser views are served)</source>
        <translation>OSC 꺼짐: %2은(는) 이 컴퓨터의 주소가 아닙니다 — 다른 OSC 주소를 고르세요 (브라우저 화면은 서비스 중)</translation>
    </message>
    <message>
        <source>OSC is off: UDP port %1 needs administrator rights — choose a port above 1023 (the browser views are served)</source>
        <translation>OSC 꺼짐: UDP 포트 %1은(는) 관리자 권한이 필요합니다 — 1023보다 큰 포트를 고르세요 (브라우저 화면은 서비스 중)</translation>
    </message>
    <message>
        <source>OSC is off: the feedback host %4 is not known here — give its IP address (the browser views are served)</source>
        <translation>OSC 꺼짐: 피드백 대상 %4을(를) 찾을 수 없습니다 — IP 주소로 적으세요 (브라우저 화면은 서비스 중)</translation>
    </message>
    <message>
        <source>OSC is off: cannot listen on %2:%1 (%3)</source>
        <translation>OSC 꺼짐: %2:%1에서 대기할 수 없습니다 (%3)</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>발표자</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>프로젝터</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>무대 뒤</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>진행표</translation>
    </message>
    <message>
        <source>Remote (control)</source>
        <translation>원격 조작 (제어)</translation>
    </message>
    <message>
        <source>Companion: a command URL (control)</source>
        <translation>Companion: 명령 URL (제어)</translation>
    </message>
    <message>
        <source>OSC UDP %1:%2 (no password)</source>
        <translation>OSC UDP %1:%2 (암호 없음)</translation>
    </message>
    <message>
        <source>, feedback to %1:%2</source>
        <translation>, 피드백 → %1:%2</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>이 컴퓨터에서만</translation>
    </message>
    <message>
        <source>the venue network</source>
        <translation>행사장 네트워크</translation>
    </message>
    <message>
        <source>Serving on %1:%2 — reachable from %3</source>
        <translation>%1:%2에서 서비스 중 — %3 접속 가능</translation>
    </message>
    <message>
        <source>Not serving: the show is on this computer only</source>
        <translation>서비스 꺼짐: 이 컴퓨터에서만 진행합니다</translation>
    </message>
    <message>
        <source>The tokens cannot be saved in the show folder (%1): these links last until the app closes</source>
        <translation>토큰을 진행 폴더에 저장할 수 없습니다 (%1): 이 링크는 앱을 닫을 때까지만 유효합니다</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>이 컴퓨터만 (127.0.0.1)</translation>
    </message>
    <message>
        <source>Every network of this computer (0.0.0.0)</source>
        <translation>이 컴퓨터의 모든 네트워크 (0.0.0.0)</translation>
    </message>
</context>
<context>
    <name>NetworkMenu</name>
    <message>
        <source>&amp;Network</source>
        <translation>네트워크(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Serve to browsers and Companion</source>
        <translation>브라우저와 Companion에 서비스(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Links and QR codes…</source>
        <translation>링크와 QR 코드(&amp;L)…</translation>
    </message>
    <message>
        <source>Listening on %1:%2</source>
        <translation>%1:%2에서 대기 중</translation>
    </message>
    <message>
        <source>Not serving</source>
        <translation>서비스 꺼짐</translation>
    </message>
</context>
<context>
    <name>NetworkWindow</name>
    <message>
        <source>Network — links for browsers and Companion</source>
        <translation>네트워크 — 브라우저와 Companion용 링크</translation>
    </message>
    <message>
        <source>New tokens…</source>
        <translation>새 토큰…</translation>
    </message>
    <message>
        <source>OSC commands (UDP)</source>
        <translation>OSC 명령 (UDP)</translation>
    </message>
    <message>
        <source>For Companion&apos;s Generic OSC: /stagetimer/next and the other actions. OSC has no password. Applies when serving starts.</source>
        <translation>Companion의 Generic OSC용: /stagetimer/next 등의 동작. OSC에는 암호가 없습니다. 서비스를 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Same address as above</source>
        <translation>위 주소와 같게</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>이 컴퓨터만 (127.0.0.1)</translation>
    </message>
    <message>
        <source>none, or e.g. 192.168.0.20:12321</source>
        <translation>없음, 또는 예: 192.168.0.20:12321</translation>
    </message>
    <message>
        <source>Where the live values go (remaining, countdown, title …): Companion&apos;s computer and its OSC port</source>
        <translation>실시간 값(남은 시간, 카운트다운, 제목 …)을 보낼 곳: Companion 컴퓨터와 그 OSC 포트</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>대기 주소</translation>
    </message>
    <message>
        <source>Feedback to</source>
        <translation>피드백 대상</translation>
    </message>
    <message>
        <source>View links carry the viewer token: they show the show and change nothing. New tokens turn every old link off.</source>
        <translation>화면 링크에는 보기 토큰만 들어 있어 진행을 보여 줄 뿐 아무것도 바꾸지 못합니다. 새 토큰을 만들면 이전 링크는 모두 끊깁니다.</translation>
    </message>
    <message>
        <source>Stop serving</source>
        <translation>서비스 중지</translation>
    </message>
    <message>
        <source>Start serving</source>
        <translation>서비스 시작</translation>
    </message>
    <message>
        <source>OSC is on (UDP port %1): OSC has no password — anyone on this network can control the show</source>
        <translation>OSC 켜짐 (UDP 포트 %1): OSC에는 암호가 없어 이 네트워크의 누구나 진행을 조작할 수 있습니다</translation>
    </message>
    <message>
        <source>OSC feedback goes to %1</source>
        <translation>OSC 피드백을 %1(으)로 보냅니다</translation>
    </message>
    <message>
        <source>OSC feedback: write the host and port, e.g. 192.168.0.20:12321, or leave it empty</source>
        <translation>OSC 피드백: 주소와 포트를 적으세요 (예: 192.168.0.20:12321), 또는 비워 두세요</translation>
    </message>
    <message>
        <source>New tokens?</source>
        <translation>새 토큰을 만들까요?</translation>
    </message>
    <message>
        <source>Every link and remote handed out so far stops working, and every connected browser is disconnected. Hand out the new links afterwards.</source>
        <translation>지금까지 나눠 준 링크와 원격 조작이 모두 작동을 멈추고, 접속한 브라우저는 모두 연결이 끊깁니다. 그다음 새 링크를 나눠 주세요.</translation>
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
        <source>Late by</source>
        <translation>시작 지연</translation>
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
        <source>Adjusted to %1 min</source>
        <translation>%1분으로 조정</translation>
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
        <source>Coming up</source>
        <translation>이어서</translation>
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
    <message>
        <source>That row is no longer in the agenda (id &apos;%1&apos;)</source>
        <translation>그 줄은 이제 식순에 없습니다 (id &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>%1 is already on stage</source>
        <translation>%1 — 이미 진행 중인 순서입니다</translation>
    </message>
    <message>
        <source>Cannot take a minute: this item has only %1 in all</source>
        <translation>1분을 줄일 수 없습니다. 이 순서는 전체가 %1입니다</translation>
    </message>
    <message>
        <source>Cannot add more: this item would last over a day (%1 now)</source>
        <translation>더 늘릴 수 없습니다. 이 순서가 하루를 넘게 됩니다 (현재 %1)</translation>
    </message>
    <message>
        <source>There is no message to clear</source>
        <translation>지울 메시지가 없습니다</translation>
    </message>
    <message>
        <source>Empty message: nothing sent</source>
        <translation>빈 메시지라 보내지 않았습니다</translation>
    </message>
    <message>
        <source>The item on stage (id &apos;%1&apos;) is not in the edited agenda; put it back or move on first</source>
        <translation>무대에 있는 순서(id &apos;%1&apos;)가 수정된 식순에 없습니다. 다시 넣거나 먼저 다음 순서로 넘어가세요</translation>
    </message>
    <message>
        <source>Could not archive the show journal (%1)</source>
        <translation>진행 기록을 보관하지 못했습니다(%1)</translation>
    </message>
    <message>
        <source>Something went wrong (%1); the show goes on</source>
        <translation>문제가 생겼습니다 (%1). 행사는 계속 진행됩니다.</translation>
    </message>
    <message>
        <source>Nothing to re-plan: the day ends on time</source>
        <translation>조정할 것이 없습니다: 정시에 끝납니다</translation>
    </message>
    <message>
        <source>Every item that may shrink is at its minimum: the day ends %1 min late</source>
        <translation>줄일 수 있는 순서가 모두 최소 길이입니다: %1분 늦게 끝납니다</translation>
    </message>
</context>
<context>
    <name>ShowMenu</name>
    <message>
        <source>S&amp;how</source>
        <translation>진행(&amp;H)</translation>
    </message>
    <message>
        <source>Start &amp;fresh…</source>
        <translation>새로 시작(&amp;F)…</translation>
    </message>
    <message>
        <source>Write &amp;report (CSV and HTML)</source>
        <translation>보고서 쓰기 — CSV, HTML(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open the show folder</source>
        <translation>진행 기록 폴더 열기(&amp;O)</translation>
    </message>
    <message>
        <source>RECOVERED %1 · %2 starts fresh</source>
        <translation>복구됨 %1 · %2 새로 시작</translation>
    </message>
    <message>
        <source>running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Resumed the recorded show: %1, %2 left, %3</source>
        <translation>기록된 진행을 이어 갑니다: %1, %2 남음, %3</translation>
    </message>
    <message>
        <source>Resumed the recorded show</source>
        <translation>기록된 진행을 이어 갑니다</translation>
    </message>
    <message>
        <source>Start fresh?</source>
        <translation>새로 시작할까요?</translation>
    </message>
    <message>
        <source>End the recorded show and go back to the welcome screen? Every screen shows the start of the day again. The record so far is kept in the show folder as an archived journal.</source>
        <translation>기록된 진행을 끝내고 시작 화면으로 돌아갈까요? 모든 화면이 행사 시작 전으로 돌아갑니다. 지금까지의 기록은 진행 기록 폴더에 보관됩니다.</translation>
    </message>
    <message>
        <source>The recorded show goes on</source>
        <translation>기록된 진행을 계속합니다</translation>
    </message>
    <message>
        <source>The report is still being written</source>
        <translation>보고서를 아직 쓰는 중입니다</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>보고서를 쓰는 중…</translation>
    </message>
    <message>
        <source>Could not write the report: %1</source>
        <translation>보고서를 쓰지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>보고서를 저장했습니다: %1</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>보고서 저장됨</translation>
    </message>
    <message>
        <source>The report is in %1:
%2
%3</source>
        <translation>보고서 위치 %1:
%2
%3</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>No file manager could open %1</source>
        <translation>%1 폴더를 열 파일 관리자가 없습니다</translation>
    </message>
</context>
</TS>
