<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="28"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="55"/>
        <source>There is no diagram to export.</source>
        <translation>내보낼 다이어그램이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="36"/>
        <source>Not enough memory for a %1 × %2 image.</source>
        <translation>%1 × %2 이미지를 만들 메모리가 부족합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="45"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="47"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="58"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="72"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="64"/>
        <source>Architecture diagram exported from TransferLab</source>
        <translation>TransferLab에서 내보낸 아키텍처 다이어그램</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="40"/>
        <source>no parameters</source>
        <translation>파라미터 없음</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="41"/>
        <source>trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="42"/>
        <source>frozen</source>
        <translation>동결됨</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="43"/>
        <source>partly frozen</source>
        <translation>일부 동결됨</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="56"/>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="57"/>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="61"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="58"/>
        <source>Layers</source>
        <translation>레이어 수</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="60"/>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="64"/>
        <source>Options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="69"/>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="73"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="74"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="75"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="77"/>
        <source>Used</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="77"/>
        <source>only while training (auxiliary)</source>
        <translation>학습할 때만 (보조 출력)</translation>
    </message>
    <message>
        <location filename="../app/dataset_scan_worker.cpp" line="47"/>
        <source>… and %1 more groups of duplicate images</source>
        <translation>… 외 중복 이미지 그룹 %1개</translation>
    </message>
    <message>
        <location filename="../app/dataset_scan_worker.cpp" line="54"/>
        <source>identical images</source>
        <translation>동일한 이미지</translation>
    </message>
    <message>
        <location filename="../app/dataset_scan_worker.cpp" line="54"/>
        <source>near-identical images</source>
        <translation>거의 동일한 이미지</translation>
    </message>
    <message>
        <location filename="../app/dataset_scan_worker.cpp" line="57"/>
        <source> (in different classes)</source>
        <translation> (서로 다른 클래스)</translation>
    </message>
    <message>
        <location filename="../app/dataset_scan_worker.cpp" line="85"/>
        <source>median %1×%2 pixels (smallest %3×%4, largest %5×%6)</source>
        <translation>중앙값 %1×%2 픽셀 (최소 %3×%4, 최대 %5×%6)</translation>
    </message>
    <message>
        <location filename="../app/experiment_file.cpp" line="30"/>
        <source>%1: cannot be opened (%2)</source>
        <translation>%1: 열 수 없습니다 (%2)</translation>
    </message>
    <message>
        <location filename="../app/experiment_file.cpp" line="37"/>
        <source>%1: not valid JSON</source>
        <translation>%1: 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <location filename="../app/experiment_file.cpp" line="57"/>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: 쓸 수 없습니다 (%2)</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="111"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="112"/>
        <source>CPU, %1 threads</source>
        <translation>CPU, 스레드 %1개</translation>
    </message>
    <message>
        <location filename="../widgets/plots/plot_crosshair.cpp" line="116"/>
        <source>%1: unknown format &apos;%2&apos; (use .png, .pdf or .svg)</source>
        <translation>%1: 알 수 없는 형식 &apos;%2&apos; (.png, .pdf 또는 .svg를 사용하세요)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/plot_crosshair.cpp" line="120"/>
        <source>%1: could not be written</source>
        <translation>%1: 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="79"/>
        <location filename="../widgets/run_files.cpp" line="176"/>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: 읽을 수 없습니다 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="83"/>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1: 올바른 JSON이 아닙니다 (바이트 %3에서 %2)</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="86"/>
        <source>%1: not a JSON object</source>
        <translation>%1: JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="94"/>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="98"/>
        <source>the matrix has %1 rows for %2 classes</source>
        <translation>클래스는 %2개인데 행렬의 행은 %1개입니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="102"/>
        <source>a matrix row has %1 cells for %2 classes</source>
        <translation>클래스는 %2개인데 행렬의 한 행에 셀이 %1개입니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="106"/>
        <source>a matrix cell is no count</source>
        <translation>행렬 셀에 개수가 아닌 값이 있습니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="179"/>
        <source>%1: empty, no header line</source>
        <translation>%1: 비어 있습니다 (헤더 줄 없음)</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="194"/>
        <source>%1: has no class list</source>
        <translation>%1: 클래스 목록이 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="197"/>
        <source>%1: &quot;last&quot;: %2</source>
        <translation>%1: &quot;last&quot;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="217"/>
        <source>%1: the header lacks path, target, predicted or loss</source>
        <translation>%1: 헤더에 path, target, predicted 또는 loss가 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="223"/>
        <source>%1: line %2 has %3 fields</source>
        <translation>%1: %2번째 줄의 필드가 %3개입니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="233"/>
        <source>%1: line %2: unknown class or no loss</source>
        <translation>%1: %2번째 줄: 알 수 없는 클래스이거나 손실 값이 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="268"/>
        <source>no summary</source>
        <translation>요약 없음</translation>
    </message>
    <message>
        <location filename="../widgets/run_files.cpp" line="287"/>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
</context>
<context>
    <name>WeightsFitText</name>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="43"/>
        <source>Cannot use %1: %2</source>
        <translation>%1을(를) 사용할 수 없음: %2</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="46"/>
        <source>All %1 tensors loaded</source>
        <translation>텐서 %1개를 모두 불러옴</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="47"/>
        <source>All %1 tensors loaded; %2 tensors of the file are not used (e.g. %3)</source>
        <translation>텐서 %1개를 모두 불러옴. 파일의 텐서 %2개는 쓰이지 않음(예: %3)</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="52"/>
        <source>Backbone loaded (%1 of %2 tensors); new %3-class head initialised</source>
        <translation>백본을 불러옴(텐서 %2개 중 %1개). 새 %3클래스 헤드를 초기화함</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="57"/>
        <source>The file&apos;s head has %1 classes.</source>
        <translation>파일의 헤드는 %1클래스입니다.</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="64"/>
        <source>%1 missing</source>
        <translation>%1개 없음</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="66"/>
        <source>%1 unexpected</source>
        <translation>%1개 예상 밖</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="68"/>
        <source>%1 with another shape</source>
        <translation>%1개 모양 다름</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="72"/>
        <source>Does not fit %1: %2 — e.g. %3</source>
        <translation>%1에 맞지 않음: %2 — 예: %3</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="74"/>
        <source>The file holds %1 weights.</source>
        <translation>이 파일은 %1 가중치입니다.</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="75"/>
        <source>Training cannot start from it: choose other weights or None.</source>
        <translation>이 파일로는 학습을 시작할 수 없습니다. 다른 가중치나 없음을 고르세요.</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="81"/>
        <source>Random initialisation: every layer starts from scratch.</source>
        <translation>무작위 초기화: 모든 층이 처음부터 학습합니다.</translation>
    </message>
    <message>
        <location filename="../app/weights_fit_text.cpp" line="86"/>
        <source>Checking %1…</source>
        <translation>%1 확인 중…</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="19"/>
        <source>Architecture name, e.g. resnet18.</source>
        <translation>아키텍처 이름 (예: resnet18).</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="21"/>
        <source>Number of classes (default: the architecture&apos;s).</source>
        <translation>클래스 수 (기본값: 아키텍처의 기본값).</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="23"/>
        <source>Input channels, 1 or 3 (default 3).</source>
        <translation>입력 채널 수, 1 또는 3 (기본값 3).</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="26"/>
        <source>Input size H or HxW (default: the architecture&apos;s).</source>
        <translation>입력 크기 H 또는 HxW (기본값: 아키텍처의 기본값).</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="55"/>
        <source>--arch is required (see &apos;transferlab models&apos;)</source>
        <translation>--arch가 필요합니다 (&apos;transferlab models&apos; 참고)</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="60"/>
        <source>unknown architecture &apos;%1&apos; (see &apos;transferlab models&apos;)</source>
        <translation>알 수 없는 아키텍처 &apos;%1&apos; (&apos;transferlab models&apos; 참고)</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="64"/>
        <source>--classes must be a whole number from 1 to 1000000, got &apos;%1&apos;</source>
        <translation>--classes는 1에서 1000000 사이의 정수여야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="70"/>
        <source>--in-channels must be 1 or 3, got &apos;%1&apos;</source>
        <translation>--in-channels는 1 또는 3이어야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="76"/>
        <source>--input-size must be H or HxW in pixels, got &apos;%1&apos;</source>
        <translation>--input-size는 픽셀 단위의 H 또는 HxW여야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="95"/>
        <source>too many arguments</source>
        <translation>인수가 너무 많습니다</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="17"/>
        <source>List every architecture of the zoo</source>
        <translation>모델 zoo의 모든 아키텍처 나열</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="20"/>
        <source>Show an architecture&apos;s nodes, shapes, edges and parameters</source>
        <translation>아키텍처의 노드, 형태, 엣지, 파라미터 표시</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="23"/>
        <source>Classify an image with an architecture and a weight file</source>
        <translation>아키텍처와 가중치 파일로 이미지 분류</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="24"/>
        <source>Convert weights between .pth and .safetensors</source>
        <translation>.pth와 .safetensors 간 가중치 변환</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="26"/>
        <source>Train an experiment file headless</source>
        <translation>실험 파일을 GUI 없이 학습</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="28"/>
        <source>Continue a stopped run from its checkpoint</source>
        <translation>중지된 실행을 체크포인트에서 이어서 학습</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="31"/>
        <source>Sweep the learning rate over a few batches and suggest one</source>
        <translation>몇 개의 배치로 학습률을 탐색하고 적절한 값 제안</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="33"/>
        <source>Check a dataset folder: classes, splits, duplicates, skipped files</source>
        <translation>데이터셋 폴더 검사: 클래스, 분할, 중복, 건너뛴 파일</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="36"/>
        <source>Write the procedural demo datasets as image folders</source>
        <translation>절차적으로 생성한 데모 데이터셋을 이미지 폴더로 저장</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="37"/>
        <source>Write a run&apos;s report as HTML and PDF</source>
        <translation>실행 보고서를 HTML과 PDF로 저장</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="40"/>
        <source>Export a run&apos;s model (.pth, .safetensors) and metrics (JSON, CSV)</source>
        <translation>실행의 모델(.pth, .safetensors)과 지표(JSON, CSV) 내보내기</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="86"/>
        <source>Usage: transferlab [COMMAND] [OPTIONS]

Without a command the desktop application starts.

Commands:
</source>
        <translation>사용법: transferlab [COMMAND] [OPTIONS]

명령 없이 실행하면 데스크톱 애플리케이션이 시작됩니다.

명령:
</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="92"/>
        <source>
Options:
  -h, --help     Show this help
  -v, --version  Show the version

Desktop application: transferlab [--experiment FILE] [--train]

Run &apos;transferlab COMMAND --help&apos; for the options of a command.
</source>
        <translation>
옵션:
  -h, --help     도움말 표시
  -v, --version  버전 표시

데스크톱 애플리케이션: transferlab [--experiment FILE] [--train]

명령별 옵션은 &apos;transferlab COMMAND --help&apos;로 확인하세요.
</translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="139"/>
        <source>unknown command &apos;%1&apos;; run &apos;transferlab --help&apos; for the list</source>
        <translation>알 수 없는 명령 &apos;%1&apos;. 명령 목록은 &apos;transferlab --help&apos;로 확인하세요</translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="14"/>
        <source>Convert weights between .pth and .safetensors; the output format follows OUT&apos;s extension. Checkpoints keep only their state_dict.</source>
        <translation>.pth와 .safetensors 간에 가중치를 변환합니다. 출력 형식은 OUT의 확장자를 따릅니다. 체크포인트는 state_dict만 남깁니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="17"/>
        <source>Weight file to read.</source>
        <translation>읽을 가중치 파일.</translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="18"/>
        <source>File to write.</source>
        <translation>저장할 파일.</translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="23"/>
        <source>convert needs IN and OUT</source>
        <translation>convert에는 IN과 OUT이 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="28"/>
        <location filename="../app/report/export_command.cpp" line="87"/>
        <source>wrote %1 (%2 tensors)
</source>
        <translation>%1 저장함 (텐서 %2개)
</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="18"/>
        <source>--%1 needs a number of at least %2</source>
        <translation>--%1에는 %2 이상의 숫자가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="29"/>
        <source>Write the procedural demo datasets: a source task (8 shapes, many images), a target task (5 other shapes, few images) and a small segmentation set, as image folders.</source>
        <translation>절차적으로 생성한 데모 데이터셋을 이미지 폴더로 저장합니다: 소스 작업(도형 8종, 이미지 많음), 타깃 작업(다른 도형 5종, 이미지 적음), 작은 세그멘테이션 세트.</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="32"/>
        <source>Folder to write into.</source>
        <translation>저장할 폴더.</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="34"/>
        <source>Image side in pixels.</source>
        <translation>이미지 한 변의 길이(픽셀).</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="36"/>
        <source>Random seed.</source>
        <translation>난수 시드.</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="39"/>
        <source>Training images per source class.</source>
        <translation>소스 클래스당 학습 이미지 수.</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="42"/>
        <source>Training images per target class.</source>
        <translation>타깃 클래스당 학습 이미지 수.</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="45"/>
        <source>Validation images per class, both tasks.</source>
        <translation>클래스당 검증 이미지 수 (두 작업 모두).</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="48"/>
        <source>Segmentation images (0: none).</source>
        <translation>세그멘테이션 이미지 수 (0: 없음).</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="54"/>
        <source>give one output folder; see --help</source>
        <translation>출력 폴더를 하나 지정하세요. --help 참고</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="68"/>
        <source>--seed needs a non-negative number</source>
        <translation>--seed에는 0 이상의 숫자가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="73"/>
        <source>Wrote %1 source, %2 target and %3 segmentation images to %4
</source>
        <translation>%4에 소스 이미지 %1개, 타깃 이미지 %2개, 세그멘테이션 이미지 %3개를 저장했습니다
</translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="19"/>
        <source>Show an architecture&apos;s nodes, output shapes, edges, parameters and buffers.</source>
        <translation>아키텍처의 노드, 출력 형태, 엣지, 파라미터, 버퍼를 표시합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="23"/>
        <location filename="../app/cli/models_command.cpp" line="17"/>
        <location filename="../app/cli/predict_command.cpp" line="68"/>
        <location filename="../app/cli/scan_command.cpp" line="94"/>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="27"/>
        <source>Weight file (.pth or .safetensors) to match against the architecture.</source>
        <translation>아키텍처와 대조할 가중치 파일(.pth 또는 .safetensors).</translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="33"/>
        <location filename="../app/cli/predict_command.cpp" line="76"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>예상하지 못한 인수 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="59"/>
        <source>
Weights: %1 matched, %2 missing, %3 unexpected, %4 with another shape%5; SHA-256 in name: %6
</source>
        <translation>
가중치: 일치 %1, 누락 %2, 예상 밖 %3, 형태 다름 %4%5; 이름의 SHA-256: %6
</translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="66"/>
        <source> (only the head differs: it starts fresh)</source>
        <translation> (헤드만 다름: 새로 초기화됨)</translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="71"/>
        <source>%1: SHA-256 does not start with the hash in its name</source>
        <translation>%1: SHA-256이 파일 이름의 해시로 시작하지 않습니다</translation>
    </message>
    <message>
        <location filename="../app/cli/models_command.cpp" line="16"/>
        <source>List every architecture of the zoo.</source>
        <translation>모델 zoo의 모든 아키텍처를 나열합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/models_command.cpp" line="22"/>
        <source>models takes no arguments</source>
        <translation>models는 인수를 받지 않습니다</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="44"/>
        <source> CLASS  PROBABILITY  NAME
</source>
        <translation>클래스  확률      이름
</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="53"/>
        <source>Classify one image with an architecture and a weight file (.pth or .safetensors), or with the trained model of a run folder (--run).</source>
        <translation>아키텍처와 가중치 파일(.pth 또는 .safetensors)로, 또는 실행 폴더의 학습된 모델(--run)로 이미지 한 장을 분류합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="58"/>
        <source>Weight file.</source>
        <translation>가중치 파일.</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="60"/>
        <source>Image file.</source>
        <translation>이미지 파일.</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="62"/>
        <source>Classes to list (default 5).</source>
        <translation>표시할 클래스 수 (기본값 5).</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="66"/>
        <source>Use the image at its own size: no resize, no crop; only scaling to [0,1] and ImageNet normalisation.</source>
        <translation>이미지를 원래 크기로 사용합니다: 크기 조정과 자르기 없이 [0,1] 스케일링과 ImageNet 정규화만 적용합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="70"/>
        <source>A finished run folder: its model and classes.</source>
        <translation>완료된 실행 폴더 (그 모델과 클래스를 사용).</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="81"/>
        <source>--topk must be a whole number from 1, got &apos;%1&apos;</source>
        <translation>--topk는 1 이상의 정수여야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="86"/>
        <source>--image is required</source>
        <translation>--image가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="97"/>
        <source>--weights and --image are required (or --run and --image)</source>
        <translation>--weights와 --image가 필요합니다 (또는 --run과 --image)</translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="144"/>
        <source> CLASS  PROBABILITY
</source>
        <translation>클래스  확률
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="45"/>
        <source>Dataset   %1 (%2%3)
</source>
        <translation>데이터셋  %1 (%2%3)
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="47"/>
        <source>, split folders</source>
        <translation>, 분할 폴더</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="48"/>
        <source>Images    %1 (%2)
</source>
        <translation>이미지    %1 (%2)
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="50"/>
        <source>Classes   %1, imbalance %2
</source>
        <translation>클래스    %1, 불균형 %2
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="57"/>
        <source>Sizes     %1x%2 to %3x%4, median %5x%6
</source>
        <translation>크기      %1x%2 ~ %3x%4, 중앙값 %5x%6
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="63"/>
        <source>Storage   %1
</source>
        <translation>픽셀 형식 %1
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="66"/>
        <source>Duplicate%1:
</source>
        <translation>중복%1:
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="67"/>
        <location filename="../app/cli/scan_command.cpp" line="70"/>
        <source> across splits</source>
        <translation> (분할 간)</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="68"/>
        <source>Near duplicate (distance %1)%2:
</source>
        <translation>유사 중복 (거리 %1)%2:
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="75"/>
        <source>Skipped   %1 files
</source>
        <translation>건너뜀    파일 %1개
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="80"/>
        <source>Warning   %1
</source>
        <translation>경고      %1
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="82"/>
        <source>Error     %1
</source>
        <translation>오류      %1
</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="91"/>
        <source>Check an image folder: classes, splits, sizes, duplicates and every file that would be skipped.</source>
        <translation>이미지 폴더를 검사합니다: 클래스, 분할, 크기, 중복, 그리고 건너뛰게 될 모든 파일.</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="93"/>
        <source>The dataset folder.</source>
        <translation>데이터셋 폴더.</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="96"/>
        <source>Read headers only: no decoding, no near duplicates.</source>
        <translation>헤더만 읽습니다: 디코딩하지 않으며 유사 중복도 찾지 않습니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="97"/>
        <source>Decode threads.</source>
        <translation>디코딩 스레드 수.</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="100"/>
        <source>Largest image accepted, in pixels.</source>
        <translation>허용할 최대 이미지 크기(픽셀 수).</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="106"/>
        <source>give one dataset folder; see --help</source>
        <translation>데이터셋 폴더를 하나 지정하세요. --help 참고</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="113"/>
        <source>--threads needs a positive number</source>
        <translation>--threads에는 양수가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="118"/>
        <source>--max-pixels needs a positive number</source>
        <translation>--max-pixels에는 양수가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="18"/>
        <source>Print one JSON event per line.</source>
        <translation>한 줄에 JSON 이벤트 하나씩 출력합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="48"/>
        <source>Train an experiment headless. Exit codes: 0 done, 1 failed, 2 bad usage, 3 the loss diverged, 130 interrupted (resumable with &apos;transferlab resume RUN_DIR&apos;).</source>
        <translation>GUI 없이 실험을 학습합니다. 종료 코드: 0 완료, 1 실패, 2 잘못된 사용법, 3 손실 발산, 130 중단됨(&apos;transferlab resume RUN_DIR&apos;로 재개 가능).</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="28"/>
        <source>--%1: &apos;%2&apos; is not a number</source>
        <translation>--%1: &apos;%2&apos;은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="47"/>
        <source>the loss exploded; the sweep stopped there
</source>
        <translation>손실이 폭발하여 탐색을 그 지점에서 멈췄습니다
</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="48"/>
        <source>suggested learning rate: %1 (%2; lowest loss / 10: %3)
</source>
        <translation>제안 학습률: %1 (%2; 최저 손실 지점 / 10: %3)
</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="50"/>
        <source>steepest descent of the loss</source>
        <translation>손실이 가장 가파르게 감소한 지점</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="51"/>
        <source>no descent found</source>
        <translation>감소 구간 없음</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="70"/>
        <location filename="../app/cli/lr_find_command.cpp" line="79"/>
        <location filename="../app/report/export_command.cpp" line="94"/>
        <location filename="../app/report/report_command.cpp" line="45"/>
        <location filename="../app/report/report_command.cpp" line="52"/>
        <location filename="../app/report/report_command.cpp" line="116"/>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: 쓸 수 없습니다 (%2)</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="90"/>
        <source>Learning-rate range test: train a few batches with a learning rate growing from --start to --end, show the loss curve and suggest a learning rate. The experiment&apos;s model and files stay unchanged. Exit codes: 0 done, 1 failed, 2 bad usage.</source>
        <translation>학습률 범위 테스트: 학습률을 --start부터 --end까지 키우면서 몇 개의 배치를 학습하고, 손실 곡선을 보여 주며 학습률을 제안합니다. 실험의 모델과 파일은 바뀌지 않습니다. 종료 코드: 0 완료, 1 실패, 2 잘못된 사용법.</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="94"/>
        <location filename="../app/cli/train_command.cpp" line="51"/>
        <source>Experiment file (JSON).</source>
        <translation>실험 파일 (JSON).</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="97"/>
        <source>Override an entry, e.g. --set optim.name=adam (repeatable).</source>
        <translation>항목 값을 덮어씁니다. 예: --set optim.name=adam (반복 가능).</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="99"/>
        <source>First learning rate (default 1e-7).</source>
        <translation>시작 학습률 (기본값 1e-7).</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="101"/>
        <source>Last learning rate (default 10).</source>
        <translation>마지막 학습률 (기본값 10).</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="103"/>
        <source>Batches in the sweep (default 100).</source>
        <translation>탐색할 배치 수 (기본값 100).</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="105"/>
        <source>Write the curve as CSV (lr,loss,smoothed).</source>
        <translation>곡선을 CSV(lr,loss,smoothed)로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="107"/>
        <source>Print the result as JSON.</source>
        <translation>결과를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="130"/>
        <source>the loss was not finite from the first step; lower --start</source>
        <translation>첫 스텝부터 손실이 유한하지 않습니다. --start를 낮추세요</translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="53"/>
        <source>Folder for run folders (default: runs).</source>
        <translation>실행 폴더를 둘 폴더 (기본값: runs).</translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="56"/>
        <source>Override an entry, e.g. --set optim.lr=0.001 (repeatable).</source>
        <translation>항목 값을 덮어씁니다. 예: --set optim.lr=0.001 (반복 가능).</translation>
    </message>
    <message>
        <location filename="../app/cli/lr_find_command.cpp" line="112"/>
        <location filename="../app/cli/train_command.cpp" line="63"/>
        <source>--config is required</source>
        <translation>--config가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/experiment_input.cpp" line="20"/>
        <source>%1: cannot be opened</source>
        <translation>%1: 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../app/cli/experiment_input.cpp" line="25"/>
        <source>%1: not valid JSON</source>
        <translation>%1: 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="76"/>
        <source>Continue a stopped or killed run from its last checkpoint.</source>
        <translation>중지되었거나 강제 종료된 실행을 마지막 체크포인트에서 이어서 학습합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="77"/>
        <location filename="../app/report/export_command.cpp" line="20"/>
        <location filename="../app/report/report_command.cpp" line="66"/>
        <source>The run folder.</source>
        <translation>실행 폴더.</translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="82"/>
        <source>resume takes one run folder</source>
        <translation>resume에는 실행 폴더 하나가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli/weights_options.cpp" line="40"/>
        <source>%1 does not fit %2: %3 missing%4, %5 with another shape%6, %7 unexpected%8</source>
        <translation>%1이(가) %2에 맞지 않습니다: 누락 %3개%4, 형태 다름 %5개%6, 예상 밖 %7개%8</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="17"/>
        <source>Export a run&apos;s trained model as a torchvision state_dict (.pth for torch.load(f, weights_only=True), or .safetensors) and its metrics as JSON or CSV.</source>
        <translation>실행에서 학습된 모델을 torchvision state_dict(torch.load(f, weights_only=True)용 .pth 또는 .safetensors)로, 지표를 JSON 또는 CSV로 내보냅니다.</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="22"/>
        <source>pth or safetensors (default: from --out&apos;s extension).</source>
        <translation>pth 또는 safetensors (기본값: --out의 확장자에 따름).</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="24"/>
        <source>Model file to write.</source>
        <translation>저장할 모델 파일.</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="27"/>
        <source>final (model.pth, default), best or last checkpoint.</source>
        <translation>final(model.pth, 기본값), best 또는 last 체크포인트.</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="30"/>
        <source>Metrics file to write, .json or .csv.</source>
        <translation>저장할 지표 파일 (.json 또는 .csv).</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="36"/>
        <source>export needs exactly one RUN_DIR</source>
        <translation>export에는 RUN_DIR이 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="40"/>
        <source>nothing to export: give --out FILE and/or --metrics FILE</source>
        <translation>내보낼 것이 없습니다: --out FILE이나 --metrics FILE 또는 둘 다 지정하세요</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="51"/>
        <source>--format is required: %1 ends neither in .pth nor in .safetensors</source>
        <translation>--format이 필요합니다: %1은(는) .pth나 .safetensors로 끝나지 않습니다</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="56"/>
        <source>--format must be pth or safetensors, got &apos;%1&apos;</source>
        <translation>--format은 pth 또는 safetensors여야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="60"/>
        <source>--format needs --out FILE</source>
        <translation>--format에는 --out FILE이 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="70"/>
        <source>--weights must be final, best or last, got &apos;%1&apos;</source>
        <translation>--weights는 final, best 또는 last여야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="76"/>
        <source>--metrics must name a .json or .csv file, got &apos;%1&apos;</source>
        <translation>--metrics에는 .json 또는 .csv 파일을 지정해야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="81"/>
        <source>%1: not a run folder (no experiment.json)</source>
        <translation>%1: 실행 폴더가 아닙니다 (experiment.json 없음)</translation>
    </message>
    <message>
        <location filename="../app/report/export_command.cpp" line="97"/>
        <source>wrote %1
</source>
        <translation>%1 저장함
</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="26"/>
        <source>%1: no such run folder</source>
        <translation>%1: 해당 실행 폴더가 없습니다</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="33"/>
        <source>%1: not a run folder (none of experiment.json, summary.json, epochs.csv)</source>
        <translation>%1: 실행 폴더가 아닙니다 (experiment.json, summary.json, epochs.csv 모두 없음)</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="63"/>
        <source>Write a run&apos;s training report as one self-contained HTML file and a PDF: dataset, diagram with the freeze map, hyperparameters, curves, metrics, confusion matrix, misclassified images, timings.</source>
        <translation>실행의 학습 보고서를 독립된 HTML 파일 하나와 PDF로 저장합니다: 데이터셋, 동결 맵을 표시한 다이어그램, 하이퍼파라미터, 곡선, 지표, 혼동 행렬, 오분류된 이미지, 소요 시간.</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="68"/>
        <source>HTML file to write (default RUN_DIR/report.html).</source>
        <translation>저장할 HTML 파일 (기본값 RUN_DIR/report.html).</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="71"/>
        <source>PDF file to write (default RUN_DIR/report.pdf).</source>
        <translation>저장할 PDF 파일 (기본값 RUN_DIR/report.pdf).</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="74"/>
        <source>Another run folder to compare with (repeatable).</source>
        <translation>비교할 다른 실행 폴더 (반복 가능).</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="77"/>
        <source>Misclassified images to show (default 12).</source>
        <translation>표시할 오분류 이미지 수 (기본값 12).</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="83"/>
        <source>report needs exactly one RUN_DIR</source>
        <translation>report에는 RUN_DIR이 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="89"/>
        <source>--gallery must be a whole number from 0 to 1000, got &apos;%1&apos;</source>
        <translation>--gallery는 0에서 1000 사이의 정수여야 합니다. 입력값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="124"/>
        <source>wrote %1
wrote %2
</source>
        <translation>%1 저장함
%2 저장함
</translation>
    </message>
    <message>
        <location filename="../app/report/report_command.cpp" line="129"/>
        <source>missing from the run folder: %1
</source>
        <translation>실행 폴더에 없는 파일: %1
</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="38"/>
        <source>Open this experiment file.</source>
        <translation>이 실험 파일을 엽니다.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="41"/>
        <source>Start training the experiment at once.</source>
        <translation>실험 학습을 바로 시작합니다.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message numerus="yes">
        <location filename="../app/report/dataset_section.cpp" line="127"/>
        <source>%n image(s) were skipped:</source>
        <translation>
            <numerusform>이미지 %n개를 건너뛰었습니다:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::ArchitectureDiagram</name>
    <message>
        <location filename="../widgets/diagram/architecture_diagram.cpp" line="142"/>
        <source>%1 — double-click or press − to collapse</source>
        <translation>%1 — 더블클릭하거나 −를 눌러 접기</translation>
    </message>
</context>
<context>
    <name>tl::ArchitectureTree</name>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
</context>
<context>
    <name>tl::ConfusionView</name>
    <message>
        <location filename="../widgets/confusion_view.cpp" line="32"/>
        <source>No confusion matrix yet.</source>
        <translation>아직 혼동 행렬이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/confusion_view.cpp" line="108"/>
        <source>True class: %1
Predicted: %2
%3 of %4 images of %1 (%5 %)</source>
        <translation>실제 클래스: %1
예측: %2
%1 이미지 %4개 중 %3개 (%5 %)</translation>
    </message>
    <message>
        <location filename="../widgets/confusion_view.cpp" line="213"/>
        <source>Predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../widgets/confusion_view.cpp" line="217"/>
        <source>True class</source>
        <translation>실제 클래스</translation>
    </message>
</context>
<context>
    <name>tl::DatasetPanel</name>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="43"/>
        <source>Choose Folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="45"/>
        <source>No dataset yet</source>
        <translation>데이터셋 없음</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="54"/>
        <source>Choose Validation Folder…</source>
        <translation>검증 폴더 선택…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="56"/>
        <source>A folder with the same class folders whose images validate the run; the training folder then gives no validation images.</source>
        <translation>같은 클래스 폴더를 가진 폴더로, 그 이미지로 실행을 검증합니다. 이때 학습 폴더에서는 검증 이미지를 떼어 내지 않습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="62"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="64"/>
        <source>Validate on images of the training folder again</source>
        <translation>다시 학습 폴더의 이미지로 검증</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="70"/>
        <source>Drop an image folder anywhere on the window: one sub-folder per class, or train/ and val/ folders that each hold the class folders.</source>
        <translation>이미지 폴더를 창의 아무 곳에나 끌어다 놓으세요: 클래스마다 하위 폴더가 하나씩 있거나, 각각 클래스 폴더를 담은 train/ 및 val/ 폴더가 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="79"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="98"/>
        <source>Validation share:</source>
        <translation>검증 비율:</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="99"/>
        <source>Split seed:</source>
        <translation>분할 시드:</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="104"/>
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="106"/>
        <location filename="../widgets/dataset_panel.cpp" line="335"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="119"/>
        <source>Checking %1 of %2 images</source>
        <translation>이미지 %2개 중 %1개 검사 중</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="134"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="134"/>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="134"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="134"/>
        <source>Val</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="134"/>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="155"/>
        <location filename="../widgets/dataset_panel.cpp" line="393"/>
        <source>Choose a class to see its images.</source>
        <translation>클래스를 선택하면 이미지를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="218"/>
        <source>Choose a Validation Folder</source>
        <translation>검증 폴더 선택</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="235"/>
        <source>Validation: from the training folder</source>
        <translation>검증: 학습 폴더에서</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="236"/>
        <source>Validation: %1</source>
        <translation>검증: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="250"/>
        <source>Choose an Image Folder</source>
        <translation>이미지 폴더 선택</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="260"/>
        <source>%1 does not exist.</source>
        <translation>%1 경로가 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="265"/>
        <source>%1 is a file, not a folder. Drop a folder that holds one sub-folder of images per class.</source>
        <translation>%1은(는) 폴더가 아니라 파일입니다. 클래스마다 이미지 하위 폴더가 하나씩 있는 폴더를 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="273"/>
        <source>Scanning %1…</source>
        <translation>%1 검사 중…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="275"/>
        <source>Listing files</source>
        <translation>파일 목록 작성 중</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="302"/>
        <source>%1 could not be scanned.</source>
        <translation>%1을(를) 검사할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="335"/>
        <source>Problems (%1)</source>
        <translation>문제 (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset_panel.cpp" line="354"/>
        <source>; %n validation image(s) from the validation folder</source>
        <translation>
            <numerusform>; 검증 폴더의 검증 이미지 %n장</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="381"/>
        <source>Train counts come from the training folder, Val counts from the validation folder %1.</source>
        <translation>Train 개수는 학습 폴더에서, Val 개수는 검증 폴더 %1에서 셉니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="384"/>
        <source>The split comes from the folder&apos;s train/ and val/ folders.</source>
        <translation>분할은 폴더의 train/ 및 val/ 폴더를 따릅니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="386"/>
        <source>Each class is split on its own, the same way on every machine.</source>
        <translation>클래스마다 따로 분할하며, 어느 컴퓨터에서나 같은 결과가 나옵니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="341"/>
        <source>The check was cancelled; the figures cover part of the files. Drop the folder again to check all of it.</source>
        <translation>검사가 취소되어 수치에는 파일 일부만 반영되었습니다. 전체를 검사하려면 폴더를 다시 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="344"/>
        <source>%1 cannot train a classifier: %2.</source>
        <translation>%1(으)로는 분류기를 학습할 수 없습니다: %2.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_panel.cpp" line="347"/>
        <source>%1 images in %2 classes</source>
        <translation>클래스 %2개, 이미지 %1개</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset_panel.cpp" line="357"/>
        <source>; %n file(s) skipped (see Problems)</source>
        <translation>
            <numerusform>; 파일 %n개 건너뜀 (문제 탭 참고)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset_panel.cpp" line="397"/>
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: 이미지 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::DatasetProblemsView</name>
    <message>
        <location filename="../widgets/dataset_problems_view.cpp" line="17"/>
        <source>Skipped file</source>
        <translation>건너뛴 파일</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_problems_view.cpp" line="17"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
</context>
<context>
    <name>tl::DiagramStyle</name>
    <message>
        <location filename="../widgets/diagram/diagram_style.cpp" line="154"/>
        <source>%1 params</source>
        <translation>파라미터 %1</translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_style.cpp" line="157"/>
        <source>%1 layers</source>
        <translation>레이어 %1개</translation>
    </message>
</context>
<context>
    <name>tl::FreezePanel</name>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="33"/>
        <source>Linear probe</source>
        <translation>선형 프로브</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="34"/>
        <source>Only the new output layer trains</source>
        <translation>새 출력 레이어만 학습</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="35"/>
        <source>Full fine-tune</source>
        <translation>전체 미세 조정</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="36"/>
        <source>Everything trains, starting from the loaded weights</source>
        <translation>불러온 가중치에서 시작해 모든 레이어 학습</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="37"/>
        <source>Last N stages</source>
        <translation>마지막 N개 스테이지</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="38"/>
        <source>The last N stages and the head train</source>
        <translation>마지막 N개 스테이지와 헤드 학습</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="39"/>
        <source>From scratch</source>
        <translation>처음부터 학습</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="40"/>
        <source>Everything trains from a fresh initialisation; no weights are loaded</source>
        <translation>새로 초기화해 모든 레이어 학습; 가중치를 불러오지 않음</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="47"/>
        <source>N stages:</source>
        <translation>스테이지 수(N):</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="50"/>
        <source>Follow layers (frozen BN in eval mode)</source>
        <translation>레이어 따르기 (동결된 BN은 eval 모드)</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="51"/>
        <source>Train scale and shift only</source>
        <translation>스케일과 시프트만 학습</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="52"/>
        <source>Train all BatchNorm</source>
        <translation>모든 BatchNorm 학습</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="53"/>
        <source>BatchNorm:</source>
        <translation>BatchNorm:</translation>
    </message>
    <message>
        <location filename="../widgets/freeze_panel.cpp" line="86"/>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 parameters trainable (%3%)</source>
        <translation>파라미터 %2개 중 &lt;b&gt;%1&lt;/b&gt;개 학습 가능 (%3%)</translation>
    </message>
</context>
<context>
    <name>tl::HyperparameterForm</name>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="67"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="68"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="69"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="70"/>
        <source>Optimiser:</source>
        <translation>옵티마이저:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="73"/>
        <source>Base learning rate, e.g. 0.01 or 1e-3</source>
        <translation>기본 학습률 (예: 0.01 또는 1e-3)</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="74"/>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="76"/>
        <source>Momentum:</source>
        <translation>모멘텀:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="79"/>
        <source>Weight decay:</source>
        <translation>가중치 감쇠:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="82"/>
        <source>Constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="83"/>
        <source>Step</source>
        <translation>계단식</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="84"/>
        <source>Cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="85"/>
        <source>One-cycle</source>
        <translation>원사이클</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="86"/>
        <source>Schedule:</source>
        <translation>스케줄:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="88"/>
        <location filename="../widgets/hyperparameter_form.cpp" line="112"/>
        <source> epochs</source>
        <translation> 에포크</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="89"/>
        <source>Warm-up:</source>
        <translation>워밍업:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="91"/>
        <source>Epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="93"/>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="95"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="98"/>
        <source>Image size:</source>
        <translation>이미지 크기:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="100"/>
        <source>all cores (%1)</source>
        <translation>모든 코어 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="101"/>
        <source>Threads:</source>
        <translation>스레드:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="103"/>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="105"/>
        <source>Label smoothing:</source>
        <translation>레이블 스무딩:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="106"/>
        <source>Cache frozen features</source>
        <translation>동결된 특징 캐시</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="108"/>
        <source>Compute the frozen layers&apos; outputs once and reuse them (when there is no random augmentation)</source>
        <translation>동결된 레이어의 출력을 한 번만 계산해 재사용합니다 (무작위 증강이 없을 때)</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="111"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="113"/>
        <source>Early stop after:</source>
        <translation>조기 종료:</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="194"/>
        <source>network default (%1 px)</source>
        <translation>네트워크 기본값 (%1 px)</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="194"/>
        <source>network default</source>
        <translation>네트워크 기본값</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="211"/>
        <source>Learning rate: enter a number between 1e-12 and 100, e.g. 0.01 or 1e-3.</source>
        <translation>학습률: 1e-12에서 100 사이의 숫자를 입력하세요 (예: 0.01 또는 1e-3).</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="213"/>
        <source>Weight decay: enter a number between 0 and 1, e.g. 1e-4.</source>
        <translation>가중치 감쇠: 0에서 1 사이의 숫자를 입력하세요 (예: 1e-4).</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="215"/>
        <source>Warm-up (%1 epochs) must be shorter than the training (%2 epochs).</source>
        <translation>워밍업(%1 에포크)은 학습 기간(%2 에포크)보다 짧아야 합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="220"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../widgets/hyperparameter_form.cpp" line="221"/>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
</context>
<context>
    <name>tl::LanguageMenu</name>
    <message>
        <location filename="../app/language_menu.cpp" line="9"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/language_menu.cpp" line="21"/>
        <source>System Default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../app/language_menu.cpp" line="28"/>
        <source>The language changes when TransferLab starts again.</source>
        <translation>TransferLab을 다시 시작하면 언어가 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>tl::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="73"/>
        <source>TransferLab</source>
        <translation>TransferLab</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="183"/>
        <location filename="../app/main_window.cpp" line="309"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="225"/>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="239"/>
        <source>Freeze</source>
        <translation>동결</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="257"/>
        <source>Hyperparameters</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="274"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="308"/>
        <source>Diagram</source>
        <translation>다이어그램</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="130"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="141"/>
        <source>&amp;Export Diagram...</source>
        <translation>다이어그램 내보내기(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="141"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="145"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="173"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="174"/>
        <source>&amp;About TransferLab</source>
        <translation>TransferLab 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="175"/>
        <source>About TransferLab</source>
        <translation>TransferLab 정보</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="176"/>
        <source>TransferLab %1
A lab for transfer-learning experiments on images.</source>
        <translation>TransferLab %1
이미지 전이 학습 실험을 위한 실험실입니다.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="160"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="82"/>
        <location filename="../app/main_window_export.cpp" line="41"/>
        <source>Export Report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="100"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="103"/>
        <source>&amp;Open...</source>
        <translation>열기(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="106"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="109"/>
        <source>Save &amp;As...</source>
        <translation>다른 이름으로 저장(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="113"/>
        <source>&amp;Start Training</source>
        <translation>학습 시작(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="115"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="117"/>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="118"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="120"/>
        <source>Res&amp;ume</source>
        <translation>재개(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="121"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="123"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="124"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="133"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="135"/>
        <source>Open &amp;Demo Experiment</source>
        <translation>데모 실험 열기(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="140"/>
        <source>Choose &amp;Data Folder...</source>
        <translation>데이터 폴더 선택(&amp;D)...</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="140"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="142"/>
        <source>Export &amp;Report...</source>
        <translation>보고서 내보내기(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="147"/>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="153"/>
        <source>&amp;Continue a Stopped Run...</source>
        <translation>중지된 실행 이어 하기(&amp;C)...</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="154"/>
        <source>Continue a Stopped Run</source>
        <translation>중지된 실행 이어 하기</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="158"/>
        <source>Runs &amp;Folder...</source>
        <translation>실행 기록 폴더(&amp;F)...</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="164"/>
        <source>Collapse to &amp;Stages</source>
        <translation>스테이지 단위로 접기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="165"/>
        <source>Collapse to &amp;Blocks</source>
        <translation>블록 단위로 접기(&amp;B)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="166"/>
        <source>&amp;Expand All</source>
        <translation>모두 펼치기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="310"/>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="317"/>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="339"/>
        <source>Press Start Training (Ctrl+R); the run&apos;s log appears here.</source>
        <translation>학습 시작(Ctrl+R)을 누르면 실행 로그가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="435"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="436"/>
        <source>A run is training. Stop it and quit? It can be continued later from its last finished epoch.</source>
        <translation>학습이 진행 중입니다. 중지하고 종료할까요? 나중에 마지막으로 완료된 에포크부터 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="469"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="471"/>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/main_window_export.cpp" line="19"/>
        <location filename="../app/main_window_export.cpp" line="27"/>
        <source>Export Diagram</source>
        <translation>다이어그램 내보내기</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="414"/>
        <source>CPU, %1 cores</source>
        <translation>CPU, 코어 %1개</translation>
    </message>
    <message>
        <location filename="../app/main_window_export.cpp" line="20"/>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>SVG 이미지 (*.svg);;PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../app/main_window_export.cpp" line="27"/>
        <source>Could not export %1: %2</source>
        <translation>%1을(를) 내보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/main_window_export.cpp" line="33"/>
        <source>A report is being written already.</source>
        <translation>이미 보고서를 작성하고 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/main_window_export.cpp" line="38"/>
        <source>Run to Report</source>
        <translation>보고서를 만들 실행 선택</translation>
    </message>
    <message>
        <location filename="../app/main_window_export.cpp" line="42"/>
        <source>HTML report (*.html)</source>
        <translation>HTML 보고서 (*.html)</translation>
    </message>
    <message>
        <location filename="../app/main_window_export.cpp" line="49"/>
        <source>Writing the report of %1...</source>
        <translation>%1 보고서 작성 중...</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="92"/>
        <source>Demo Experiment</source>
        <translation>데모 실험</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="93"/>
        <source>The demo data could not be written to %1:
%2</source>
        <translation>데모 데이터를 %1에 저장할 수 없습니다:
%2</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="105"/>
        <source>%1: unknown architecture &apos;%2&apos;</source>
        <translation>%1: 알 수 없는 아키텍처 &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="106"/>
        <location filename="../app/main_window_document.cpp" line="177"/>
        <source>Open Experiment</source>
        <translation>실험 열기</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="107"/>
        <source>Could not open %1.

%2

The current experiment is unchanged.</source>
        <translation>%1을(를) 열 수 없습니다.

%2

현재 실험은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="155"/>
        <location filename="../app/main_window_document.cpp" line="163"/>
        <source>Save Experiment</source>
        <translation>실험 저장</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="186"/>
        <source>Unsaved Changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="187"/>
        <source>The experiment has unsaved changes. Save them first?</source>
        <translation>실험에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="202"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="203"/>
        <source>%1[*] — TransferLab</source>
        <translation>%1[*] — TransferLab</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="230"/>
        <source>Choose Data Folder</source>
        <translation>데이터 폴더 선택</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="237"/>
        <source>Runs Folder</source>
        <translation>실행 기록 폴더</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="324"/>
        <source>Image size: %1 cannot take %2×%2 px images (%3).</source>
        <translation>이미지 크기: %1은(는) %2×%2 px 이미지를 받을 수 없습니다 (%3).</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="389"/>
        <source>no data folder chosen</source>
        <translation>데이터 폴더를 선택하지 않음</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="392"/>
        <source>%1, validation: %2</source>
        <translation>%1, 검증: %2</translation>
    </message>
    <message>
        <location filename="../app/main_window_document.cpp" line="393"/>
        <source>%1 · %2 frozen layers · data: %3</source>
        <translation>%1 · 동결된 레이어 %2개 · 데이터: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main_window_training.cpp" line="40"/>
        <source>Done: %n epoch(s), best validation mIoU %1% at epoch %2.</source>
        <translation>
            <numerusform>완료: 에폭 %n개, 최고 검증 mIoU %1% (에폭 %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main_window_training.cpp" line="44"/>
        <source>Done: %n epoch(s), best validation top-1 %1% at epoch %2.</source>
        <translation>
            <numerusform>완료: 에폭 %n개, 최고 검증 top-1 %1% (에폭 %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main_window_training.cpp" line="48"/>
        <source>Done: %n epoch(s), no validation data; lowest training loss %1 at epoch %2.</source>
        <translation>
            <numerusform>완료: 에폭 %n개, 검증 데이터 없음. 최저 학습 손실 %1 (에폭 %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main_window_training.cpp" line="52"/>
        <source>Done: %n epoch(s).</source>
        <translation>
            <numerusform>완료: 에폭 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="75"/>
        <location filename="../app/main_window_training.cpp" line="79"/>
        <location filename="../app/main_window_training.cpp" line="100"/>
        <source>Start Training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="80"/>
        <source>Choose an image folder first (File &gt; Choose Data Folder): one sub-folder per class, or train/ and val/ folders with class sub-folders.</source>
        <translation>먼저 이미지 폴더를 선택하세요 (파일 &gt; 데이터 폴더 선택): 클래스마다 하위 폴더가 하나씩 있거나, 클래스 하위 폴더를 담은 train/ 및 val/ 폴더가 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="101"/>
        <source>The runs folder %1 cannot be created. Choose another one under Training &gt; Runs Folder.</source>
        <translation>실행 기록 폴더 %1을(를) 만들 수 없습니다. 학습 &gt; 실행 기록 폴더에서 다른 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="112"/>
        <source>Starting a run of %1...</source>
        <translation>%1 실행 시작 중...</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="113"/>
        <source>Continuing %1...</source>
        <translation>%1 이어서 학습 중...</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="116"/>
        <source>ETA —</source>
        <translation>남은 시간 —</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="130"/>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="148"/>
        <source>Stopping after the current batch...</source>
        <translation>현재 배치가 끝나면 중지합니다...</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="156"/>
        <source>Run folder: %1</source>
        <translation>실행 폴더: %1</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="157"/>
        <source>Training %1...</source>
        <translation>%1 학습 중...</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="167"/>
        <source>%1 images/s</source>
        <translation>%1 이미지/초</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="171"/>
        <source>ETA %1</source>
        <translation>남은 시간 %1</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="178"/>
        <source>Epoch %1 of %2: train loss %3, train accuracy %4%</source>
        <translation>에폭 %1/%2: 학습 손실 %3, 학습 정확도 %4%</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="184"/>
        <source>; validation loss %1, mIoU %2%</source>
        <translation>; 검증 손실 %1, mIoU %2%</translation>
    </message>
    <message>
        <source>Epoch %1 of %2: train loss %3, accuracy %4%</source>
        <translation type="vanished">에포크 %1/%2: 학습 손실 %3, 정확도 %4%</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="186"/>
        <source>; validation loss %1, top-1 %2%</source>
        <translation>; 검증 손실 %1, top-1 %2%</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="188"/>
        <source>; no validation data</source>
        <translation>; 검증 데이터 없음</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="199"/>
        <source>Colour by gradient norm</source>
        <translation>기울기 노름으로 색칠</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="201"/>
        <source>While training, colour each block by the L2 norm of its layer&apos;s gradients (log scale; a collapsed group shows its largest). Frozen layers keep their colours. The last values stay after the run.</source>
        <translation>학습 중에 각 블록을 그 층 기울기의 L2 노름으로 색칠합니다(로그 눈금, 접힌 그룹은 가장 큰 값). 고정된 층은 제 색을 유지합니다. 학습이 끝나도 마지막 값이 남습니다.</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="209"/>
        <source>Gradient norm</source>
        <translation>기울기 노름</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main_window_training.cpp" line="235"/>
        <source>Stopped after %n epoch(s); Training &gt; Continue a Stopped Run picks it up again.</source>
        <translation>
            <numerusform>%n 에포크 후 중지되었습니다. 학습 &gt; 중지된 실행 이어 하기로 이어서 학습할 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="237"/>
        <source>The loss diverged (%1): lower the learning rate and start again.</source>
        <translation>손실이 발산했습니다 (%1): 학습률을 낮추고 다시 시작하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n epoch(s), best top-1 %1% at epoch %2.</source>
        <translation type="vanished">
            <numerusform>완료: %n 에포크, 최고 top-1 %1% (에포크 %2).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="243"/>
        <source>Run folder: %1 — %2</source>
        <translation>실행 폴더: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="253"/>
        <source>Training failed: %1</source>
        <translation>학습 실패: %1</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="254"/>
        <source>error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="255"/>
        <source>Training Failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <location filename="../app/main_window_training.cpp" line="256"/>
        <source>%1

Fix the cause (data folder, image size, batch size, hyperparameters) and start again; the window keeps your settings.</source>
        <translation>%1

원인(데이터 폴더, 이미지 크기, 배치 크기, 하이퍼파라미터)을 해결한 뒤 다시 시작하세요. 창의 설정은 그대로 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>tl::MaskGallery</name>
    <message>
        <location filename="../widgets/mask_gallery.cpp" line="28"/>
        <source>Ground truth beside</source>
        <translation>정답 마스크 나란히</translation>
    </message>
    <message>
        <location filename="../widgets/mask_gallery.cpp" line="30"/>
        <source>Show each image&apos;s true mask to the right of the predicted one</source>
        <translation>예측한 마스크 오른쪽에 각 이미지의 정답 마스크를 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../widgets/mask_gallery.cpp" line="132"/>
        <source>%1 % of pixels right</source>
        <translation>픽셀 %1 % 정답</translation>
    </message>
    <message>
        <location filename="../widgets/mask_gallery.cpp" line="134"/>
        <source>%1
its true mask could not be read</source>
        <translation>%1
정답 마스크를 읽을 수 없음</translation>
    </message>
</context>
<context>
    <name>tl::PlotCrosshair</name>
    <message>
        <location filename="../widgets/plots/plot_crosshair.cpp" line="52"/>
        <source>step %1</source>
        <translation>스텝 %1</translation>
    </message>
</context>
<context>
    <name>tl::PredictBox</name>
    <message>
        <location filename="../widgets/predict_box.cpp" line="54"/>
        <source>&lt;b&gt;Try an image&lt;/b&gt;</source>
        <translation>&lt;b&gt;이미지로 시험해 보기&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="127"/>
        <source>Drop an
image here</source>
        <translation>여기에 이미지를
끌어다 놓으세요</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="120"/>
        <location filename="../widgets/predict_box.cpp" line="121"/>
        <location filename="../widgets/predict_box.cpp" line="174"/>
        <location filename="../widgets/predict_box.cpp" line="184"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="121"/>
        <location filename="../widgets/predict_box.cpp" line="174"/>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="94"/>
        <source>Choose Image…</source>
        <translation>이미지 선택…</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="100"/>
        <source>Choose an Image</source>
        <translation>이미지 선택</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="101"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.ppm *.pgm)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.ppm *.pgm)</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="132"/>
        <source>Drop an image to see this run&apos;s top five classes for it.</source>
        <translation>이미지를 끌어다 놓으면 이 실행이 예측한 상위 5개 클래스를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="129"/>
        <source>Open a finished run to try images on it.</source>
        <translation>완료된 실행을 열면 이미지로 시험해 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="63"/>
        <location filename="../widgets/predict_box.cpp" line="122"/>
        <source>Show Grad-CAM</source>
        <translation>Grad-CAM 보기</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="120"/>
        <location filename="../widgets/predict_box.cpp" line="184"/>
        <source>Pixels</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="122"/>
        <source>Show mask</source>
        <translation>마스크 보기</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="123"/>
        <source>Colour each pixel by the class the model gives it</source>
        <translation>모델이 준 클래스로 각 픽셀을 색칠합니다</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="124"/>
        <source>Colour the image by how much each region raised the top class (Grad-CAM, Selvaraju et al. 2017)</source>
        <translation>각 영역이 1위 클래스를 얼마나 끌어올렸는지로 이미지를 색칠합니다(Grad-CAM, Selvaraju 외 2017)</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="131"/>
        <source>Drop an image to see the mask this run&apos;s model predicts for it.</source>
        <translation>이미지를 놓으면 이 실행의 모델이 예측한 마스크를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="151"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="168"/>
        <source>Segmenting %1…</source>
        <translation>%1 분할 중…</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="169"/>
        <source>Classifying %1…</source>
        <translation>%1 분류 중…</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="193"/>
        <source>Class %1</source>
        <translation>클래스 %1</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="210"/>
        <source>%1: no pixel was classified.</source>
        <translation>%1: 분류된 픽셀이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="211"/>
        <source>%1: mostly %2 (%3 % of the pixels)</source>
        <translation>%1: 대부분 %2(픽셀의 %3 %)</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="218"/>
        <source>Heat of %1 from layer %2</source>
        <translation>%2 층에서 본 %1의 히트맵</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="220"/>
        <source>No Grad-CAM: %1</source>
        <translation>Grad-CAM 없음: %1</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="222"/>
        <source>No classes in the prediction.</source>
        <translation>예측에 클래스가 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predict_box.cpp" line="223"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tl::ReportExporter</name>
    <message>
        <location filename="../app/report_exporter.cpp" line="40"/>
        <source>Report written to %1 and %2.</source>
        <translation>보고서를 %1 및 %2에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../app/report_exporter.cpp" line="42"/>
        <source>The report could not be written.</source>
        <translation>보고서를 작성할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report_exporter.cpp" line="50"/>
        <source>%1 could not be started: %2</source>
        <translation>%1을(를) 시작할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>tl::ResultsPanel</name>
    <message>
        <location filename="../widgets/results_panel.cpp" line="42"/>
        <source>&lt;b&gt;No run open&lt;/b&gt;</source>
        <translation>&lt;b&gt;열린 실행 없음&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="45"/>
        <source>Last epoch</source>
        <translation>마지막 에포크</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="45"/>
        <source>Best epoch</source>
        <translation>최고 에포크</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="47"/>
        <source>Matrix of:</source>
        <translation>행렬 기준:</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="71"/>
        <location filename="../widgets/results_panel.cpp" line="142"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="71"/>
        <location filename="../widgets/results_panel.cpp" line="142"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="71"/>
        <location filename="../widgets/results_panel.cpp" line="142"/>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="71"/>
        <location filename="../widgets/results_panel.cpp" line="142"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="71"/>
        <location filename="../widgets/results_panel.cpp" line="142"/>
        <source>Support</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="89"/>
        <location filename="../widgets/results_panel.cpp" line="169"/>
        <source>Click a cell of the matrix to see its validation images.</source>
        <translation>행렬의 셀을 클릭하면 해당 검증 이미지를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="112"/>
        <source>A run&apos;s confusion matrix appears here when it finishes, or when you double-click it in the Runs tab.</source>
        <translation>실행의 혼동 행렬은 실행이 끝나거나 실행 기록 탭에서 실행을 더블클릭하면 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="129"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 %3</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="134"/>
        <source>This run has no trained model (model.pth) to try images on.</source>
        <translation>이 실행에는 이미지로 시험해 볼 학습된 모델(model.pth)이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="146"/>
        <source>This run has no confusion.json yet: it has not finished a validation pass.</source>
        <translation>이 실행에는 아직 confusion.json이 없습니다: 검증을 한 번도 마치지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="150"/>
        <source>This run has no val_predictions.csv, so its images cannot be listed.</source>
        <translation>이 실행에는 val_predictions.csv가 없어 이미지를 나열할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="166"/>
        <source>Last epoch (%1)</source>
        <translation>마지막 에포크 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="167"/>
        <source>Best epoch (%1)</source>
        <translation>최고 에포크 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="200"/>
        <source>Macro average (epoch %1)</source>
        <translation>매크로 평균 (에포크 %1)</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="234"/>
        <source>loss %1</source>
        <translation>손실 %1</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="235"/>
        <source>%1
loss %2, probability of the prediction %3</source>
        <translation>%1
손실 %2, 예측 확률 %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/results_panel.cpp" line="243"/>
        <source>%1 recognised correctly: %n image(s), highest loss first</source>
        <translation>
            <numerusform>%1 올바르게 분류됨: 이미지 %n개, 손실이 큰 순</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/results_panel.cpp" line="245"/>
        <source>%1 taken for %2: %n image(s), highest loss first</source>
        <translation>
            <numerusform>%1을(를) %2(으)로 예측: 이미지 %n개, 손실이 큰 순</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="289"/>
        <source>Segmentation run: %1 % of the validation pixels right, mean IoU %2.</source>
        <translation>분할 실행: 검증 픽셀의 %1 % 정답, 평균 IoU %2.</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="292"/>
        <source>Segmentation run without validation images: no scores to show.</source>
        <translation>검증 이미지가 없는 분할 실행: 보여 줄 점수가 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="295"/>
        <source>Predicting the masks of the validation images…</source>
        <translation>검증 이미지의 마스크를 예측하는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="298"/>
        <source>This run has no trained model (model.pth) to predict masks with.</source>
        <translation>이 실행에는 마스크를 예측할 학습된 모델(model.pth)이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/results_panel.cpp" line="308"/>
        <source>Validation images with the predicted mask over them: %n so far</source>
        <translation>
            <numerusform>예측한 마스크를 겹친 검증 이미지: 지금까지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/results_panel.cpp" line="318"/>
        <source>This run has no validation images to show.</source>
        <translation>이 실행에는 보여 줄 검증 이미지가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/results_panel.cpp" line="320"/>
        <source>%n validation image(s) with the predicted mask over them</source>
        <translation>
            <numerusform>예측한 마스크를 겹친 검증 이미지 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::RunPredictionWorker</name>
    <message>
        <location filename="../app/run_prediction_service.cpp" line="131"/>
        <source>Only a segmentation run has masks to show.</source>
        <translation>마스크는 분할 실행에만 있습니다.</translation>
    </message>
</context>
<context>
    <name>tl::RunsPanel</name>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="94"/>
        <location filename="../widgets/runs_panel.cpp" line="205"/>
        <source>No runs folder</source>
        <translation>실행 기록 폴더 없음</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="96"/>
        <source>Runs Folder…</source>
        <translation>실행 기록 폴더…</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="97"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="106"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="106"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="106"/>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="106"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="106"/>
        <source>Best validation</source>
        <translation>최고 검증 성능</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="107"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="107"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="124"/>
        <source>Validation top-1 or mIoU (%)</source>
        <translation>검증 top-1 또는 mIoU (%)</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="125"/>
        <source>Training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="126"/>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="144"/>
        <source>Select several runs (Ctrl+click) to compare their curves.</source>
        <translation>여러 실행을 선택(Ctrl+클릭)하면 곡선을 비교할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="145"/>
        <source>Show Results</source>
        <translation>결과 보기</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="147"/>
        <source>Open Experiment</source>
        <translation>실험 열기</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="155"/>
        <source>Choose the Runs Folder</source>
        <translation>실행 기록 폴더 선택</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="205"/>
        <source>%1 does not exist yet</source>
        <translation>%1 경로가 아직 없습니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs_panel.cpp" line="209"/>
        <source>%1: %n run(s)</source>
        <translation>
            <numerusform>%1: 실행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="302"/>
        <source>%1 (no validation; training loss)</source>
        <translation>%1 (검증 없음, 학습 손실)</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="51"/>
        <source>mIoU %1 %</source>
        <translation>mIoU %1 %</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="52"/>
        <source>top-1 %1 %</source>
        <translation>top-1 %1 %</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="58"/>
        <source>no validation</source>
        <translation>검증 없음</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="61"/>
        <source>The run had no validation data; its best epoch is the one with the lowest training loss (%1).</source>
        <translation>이 실행에는 검증 데이터가 없어 학습 손실이 가장 낮은 에폭을 최고로 삼았습니다 (%1).</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="63"/>
        <source>The run had no validation data; its best epoch is the one with the lowest training loss.</source>
        <translation>이 실행에는 검증 데이터가 없어 학습 손실이 가장 낮은 에폭을 최고로 삼았습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runs_panel.cpp" line="226"/>
        <source>missing %1</source>
        <translation>%1 없음</translation>
    </message>
</context>
<context>
    <name>tl::SegmentationSummary</name>
    <message>
        <location filename="../widgets/segmentation_summary.cpp" line="67"/>
        <source>%1 has no class count: the run has not finished an epoch.</source>
        <translation>%1에 클래스 수가 없습니다: 실행이 아직 한 에포크도 마치지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/segmentation_summary.cpp" line="105"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/segmentation_summary.cpp" line="106"/>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <location filename="../widgets/segmentation_summary.cpp" line="107"/>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <location filename="../widgets/segmentation_summary.cpp" line="116"/>
        <source>Mean (epoch %1)</source>
        <translation>평균(에포크 %1)</translation>
    </message>
</context>
<context>
    <name>tl::TrainingPlots</name>
    <message>
        <location filename="../widgets/training_plots.cpp" line="54"/>
        <source>Smoothing:</source>
        <translation>스무딩:</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="61"/>
        <source>Exponential smoothing of the training loss, corrected for its start-up bias</source>
        <translation>학습 손실의 지수 평활화 (초기 편향 보정)</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="63"/>
        <source>Log loss</source>
        <translation>손실 로그 눈금</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="64"/>
        <source>Log learning rate</source>
        <translation>학습률 로그 눈금</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="69"/>
        <location filename="../widgets/training_plots.cpp" line="402"/>
        <location filename="../widgets/training_plots.cpp" line="408"/>
        <source>Export Plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="72"/>
        <source>Loss...</source>
        <translation>손실...</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="73"/>
        <source>Accuracy...</source>
        <translation>정확도...</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="74"/>
        <source>Learning Rate...</source>
        <translation>학습률...</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="79"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="81"/>
        <source>train loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="83"/>
        <source>smoothed</source>
        <translation>평활화</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="85"/>
        <source>val loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="86"/>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="88"/>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="90"/>
        <source>val</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="91"/>
        <location filename="../widgets/training_plots.cpp" line="93"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="133"/>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="153"/>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="156"/>
        <source>Fit to Data</source>
        <translation>데이터에 맞추기</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="375"/>
        <source>values above %1 clipped</source>
        <translation>%1보다 큰 값은 잘림</translation>
    </message>
    <message>
        <location filename="../widgets/training_plots.cpp" line="403"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)</source>
        <translation>PNG 이미지 (*.png);;PDF 문서 (*.pdf);;SVG 이미지 (*.svg)</translation>
    </message>
</context>
<context>
    <name>tl::TrainingWorker</name>
    <message>
        <location filename="../app/training_worker.cpp" line="146"/>
        <source>LibTorch stopped the run: %1</source>
        <translation>LibTorch 오류로 실행이 중지되었습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="148"/>
        <source>OpenCV stopped the run: %1</source>
        <translation>OpenCV 오류로 실행이 중지되었습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="150"/>
        <source>Out of memory: try a smaller batch size or image size.</source>
        <translation>메모리가 부족합니다: 배치 크기나 이미지 크기를 줄여 보세요.</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="154"/>
        <source>The run stopped with an unknown error.</source>
        <translation>알 수 없는 오류로 실행이 중지되었습니다.</translation>
    </message>
</context>
<context>
    <name>tl::WeightsChooser</name>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="46"/>
        <source>Starting weights:</source>
        <translation>시작 가중치:</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="67"/>
        <source>Choose Starting Weights</source>
        <translation>시작 가중치 선택</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="68"/>
        <source>Weight files (*.pth *.pt *.safetensors);;All files (*)</source>
        <translation>가중치 파일 (*.pth *.pt *.safetensors);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="194"/>
        <source>None (random initialisation)</source>
        <translation>없음(무작위 초기화)</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="212"/>
        <source>Torch hub cache</source>
        <translation>Torch hub 캐시</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="213"/>
        <source>Finished runs</source>
        <translation>끝난 실행</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="214"/>
        <source>Other files</source>
        <translation>다른 파일</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="223"/>
        <source>Choose file...</source>
        <translation>파일 선택...</translation>
    </message>
    <message>
        <location filename="../widgets/weights_chooser.cpp" line="223"/>
        <source>Pick a .pth, .pt or .safetensors file</source>
        <translation>.pth, .pt 또는 .safetensors 파일을 고르세요</translation>
    </message>
</context>
<context>
    <name>tl::WeightsInspectionWorker</name>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="39"/>
        <source>%1
%2 weights with a %3-class head</source>
        <translation>%1
%3클래스 헤드의 %2 가중치</translation>
    </message>
    <message>
        <source>%1 (%2, top-1 %3%)</source>
        <translation type="vanished">%1 (%2, top-1 %3%)</translation>
    </message>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="51"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2, mIoU %3%)</source>
        <translation type="vanished">%1 (%2, mIoU %3%)</translation>
    </message>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="53"/>
        <source>%1 (%2, validation top-1 %3%)</source>
        <translation>%1 (%2, 검증 top-1 %3%)</translation>
    </message>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="55"/>
        <source>%1 (%2, validation mIoU %3%)</source>
        <translation>%1 (%2, 검증 mIoU %3%)</translation>
    </message>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="57"/>
        <source>%1 (%2, no validation)</source>
        <translation>%1 (%2, 검증 없음)</translation>
    </message>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="59"/>
        <source>%1
the run&apos;s trained weights (model.pth), %2 classes</source>
        <translation>%1
실행의 학습된 가중치(model.pth), %2클래스</translation>
    </message>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="79"/>
        <source>no such file</source>
        <translation>파일이 없음</translation>
    </message>
    <message>
        <location filename="../app/weights_inspection_service.cpp" line="103"/>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
</context>
<context>
    <name>tl::ZooBrowser</name>
    <message>
        <location filename="../widgets/zoo_browser.cpp" line="36"/>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location filename="../widgets/zoo_browser.cpp" line="36"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../widgets/zoo_browser.cpp" line="36"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../widgets/zoo_browser.cpp" line="61"/>
        <source>%1 parameters with %2 classes</source>
        <translation>클래스 %2개 기준 파라미터 %1개</translation>
    </message>
    <message>
        <location filename="../widgets/zoo_browser.cpp" line="63"/>
        <source>?</source>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>tl::report</name>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="44"/>
        <source>experiment.json is missing, so the network is unknown.</source>
        <translation>experiment.json이 없어 네트워크를 알 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="77"/>
        <location filename="../app/report/report_builder.cpp" line="118"/>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="80"/>
        <source>The diagram cannot be drawn: %1</source>
        <translation>다이어그램을 그릴 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="95"/>
        <source>The diagram cannot be laid out: %1</source>
        <translation>다이어그램을 배치할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="117"/>
        <source>%1 at %2×%2 input, as training started. Orange boxes train, blue-grey boxes are frozen, beige boxes are partly frozen, white boxes have no parameters.</source>
        <translation>학습 시작 시점의 %1 (입력 %2×%2). 주황색 상자는 학습되고, 청회색 상자는 동결되었으며, 베이지색 상자는 일부 동결되었고, 흰색 상자는 파라미터가 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="123"/>
        <source>Blocks are folded: the network has %1 layers.</source>
        <translation>블록이 접혀 있습니다: 네트워크의 레이어는 %1개입니다.</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="129"/>
        <source>Freeze plan</source>
        <translation>동결 계획</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="132"/>
        <source>The freeze plan cannot be shown: %1</source>
        <translation>동결 계획을 표시할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="138"/>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="139"/>
        <source>BatchNorm in frozen parts</source>
        <translation>동결된 부분의 BatchNorm</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="140"/>
        <source>Trainable parameters</source>
        <translation>학습 가능한 파라미터</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="140"/>
        <location filename="../app/report/report_builder.cpp" line="119"/>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="172"/>
        <source>Part</source>
        <translation>부분</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="172"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="172"/>
        <source>Trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="172"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="172"/>
        <source>LR factor</source>
        <translation>LR 배율</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="176"/>
        <source>frozen</source>
        <translation>동결됨</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="176"/>
        <source>trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="176"/>
        <source>partly frozen</source>
        <translation>일부 동결됨</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="178"/>
        <source>mixed</source>
        <translation>혼합</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="191"/>
        <source>from epoch %1: %2 train</source>
        <translation>에포크 %1부터: %2 학습</translation>
    </message>
    <message>
        <location filename="../app/report/architecture_section.cpp" line="194"/>
        <source>Gradual unfreezing (the table shows the start):</source>
        <translation>점진적 동결 해제 (표는 시작 시점 기준):</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="57"/>
        <source>%1 and %2 cannot be compared: one segments images, the other classifies them.</source>
        <translation>%1와(과) %2는 비교할 수 없습니다: 하나는 이미지를 분할하고 다른 하나는 분류합니다.</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="61"/>
        <source>neither had validation data</source>
        <translation>둘 다 검증 데이터가 없었습니다</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="62"/>
        <location filename="../app/report/comparison_section.cpp" line="63"/>
        <source>%1 had no validation data</source>
        <translation>%1에는 검증 데이터가 없었습니다</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="64"/>
        <source>%1 and %2 cannot be compared on validation: %3.</source>
        <translation>%1와(과) %2는 검증으로 비교할 수 없습니다: %3.</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="66"/>
        <source>validation mIoU</source>
        <translation>검증 mIoU</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="66"/>
        <source>validation top-1</source>
        <translation>검증 top-1</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="70"/>
        <source>%1: %2 %3, the same as %4 (%5): 0.0 points above or below.</source>
        <translation>%1: %2 %3, %4 (%5)와 같습니다: 0.0 포인트 차이.</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="72"/>
        <source>%1: %2 %3, %4 points above %5 (%6).</source>
        <translation>%1: %2 %3, %5 (%6)보다 %4 포인트 높습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="72"/>
        <source>%1: %2 %3, %4 points below %5 (%6).</source>
        <translation>%1: %2 %3, %5 (%6)보다 %4 포인트 낮습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="81"/>
        <source>no validation</source>
        <translation>검증 없음</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="88"/>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="101"/>
        <location filename="../app/report/report_builder.cpp" line="228"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="101"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="101"/>
        <source>Freeze preset</source>
        <translation>동결 프리셋</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="101"/>
        <location filename="../app/report/report_builder.cpp" line="119"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="101"/>
        <source>Best checkpoint by</source>
        <translation>최고 체크포인트 기준</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="102"/>
        <source>Best %1</source>
        <translation>최고 %1</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="102"/>
        <source>Final %1</source>
        <translation>최종 %1</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="102"/>
        <source>Final val_loss</source>
        <translation>최종 val_loss</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="103"/>
        <source>Training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="103"/>
        <source>Images/s</source>
        <translation>이미지/초</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="120"/>
        <source>The first row is this report&apos;s run; its pretraining stage and the --compare runs follow. Each run&apos;s best checkpoint is the epoch with the best value of the figure named under &quot;Best checkpoint by&quot;.</source>
        <translation>첫 행은 이 보고서의 실행이고, 그 사전 학습 단계와 --compare 실행이 뒤따릅니다. 각 실행의 최고 체크포인트는 &quot;최고 체크포인트 기준&quot;에 적힌 수치가 가장 좋은 에폭입니다.</translation>
    </message>
    <message>
        <source>The first row is this report&apos;s run; its pretraining stage and the --compare runs follow.</source>
        <translation type="vanished">첫 행은 이 보고서의 실행이며, 그 사전 학습 단계와 --compare 실행이 뒤따릅니다.</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="126"/>
        <source>%1 per epoch</source>
        <translation>에포크별 %1</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="126"/>
        <location filename="../app/report/comparison_section.cpp" line="127"/>
        <location filename="../app/report/training_sections.cpp" line="33"/>
        <location filename="../app/report/training_sections.cpp" line="256"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="127"/>
        <location filename="../app/report/training_sections.cpp" line="120"/>
        <source>Loss per epoch</source>
        <translation>에포크별 손실</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="127"/>
        <location filename="../app/report/training_sections.cpp" line="105"/>
        <location filename="../app/report/training_sections.cpp" line="106"/>
        <location filename="../app/report/training_sections.cpp" line="120"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="147"/>
        <source>No compared run had validation data: no %1 curves.</source>
        <translation>비교한 실행 중 검증 데이터가 있는 것이 없어 %1 곡선이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/comparison_section.cpp" line="149"/>
        <source>Dashed lines: training loss.</source>
        <translation>점선: 학습 손실.</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="66"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="69"/>
        <source>split.json is missing: which image went where is unknown.</source>
        <translation>split.json이 없어 어떤 이미지가 어디에 배정되었는지 알 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="71"/>
        <source>Training folder: %1</source>
        <translation>학습 폴더: %1</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="93"/>
        <source>Training folder</source>
        <translation>학습 폴더</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="94"/>
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="95"/>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="96"/>
        <source>Split</source>
        <translation>분할</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="38"/>
        <source>seed %1, validation fraction %2</source>
        <translation>시드 %1, 검증 비율 %2</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="98"/>
        <source>Fingerprint (SHA-256 of the sorted file list)</source>
        <translation>지문 (정렬된 파일 목록의 SHA-256)</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="101"/>
        <location filename="../app/report/evaluation_sections.cpp" line="181"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="101"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="97"/>
        <location filename="../app/report/dataset_section.cpp" line="101"/>
        <location filename="../app/report/report_builder.cpp" line="126"/>
        <location filename="../app/report/training_sections.cpp" line="91"/>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="37"/>
        <source>given by the folders</source>
        <translation>폴더가 정함</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="51"/>
        <source>%1 images from the validation folder %2</source>
        <translation>검증 폴더 %2의 이미지 %1장</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="53"/>
        <source>%1 images from the data folder&apos;s val/ folder</source>
        <translation>데이터 폴더 안 val/ 폴더의 이미지 %1장</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="55"/>
        <source>%1 images held out of the training folder (validation fraction %2)</source>
        <translation>학습 폴더에서 떼어 둔 이미지 %1장 (검증 비율 %2)</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="60"/>
        <location filename="../app/report/training_sections.cpp" line="91"/>
        <source>none: the run had no validation data</source>
        <translation>없음: 이 실행에는 검증 데이터가 없었습니다</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="61"/>
        <source>validation data (its source was not recorded)</source>
        <translation>검증 데이터 (출처가 기록되지 않음)</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="101"/>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="101"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="108"/>
        <source>(no class folder)</source>
        <translation>(클래스 폴더 없음)</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="114"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="119"/>
        <source>log.txt is missing: skipped files are unknown.</source>
        <translation>log.txt가 없어 건너뛴 파일을 알 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="121"/>
        <source>No image was skipped.</source>
        <translation>건너뛴 이미지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="124"/>
        <source>Skipped file</source>
        <translation>건너뛴 파일</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="124"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../app/report/dataset_section.cpp" line="130"/>
        <source>… and %1 more (see log.txt).</source>
        <translation>… 외 %1개 (log.txt 참고).</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="126"/>
        <source>The run had no validation data, so there are no validation results to show.</source>
        <translation>이 실행에는 검증 데이터가 없어 보여 줄 검증 결과가 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="133"/>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="140"/>
        <source>confusion.json and val_predictions.csv are missing: no confusion matrix.</source>
        <translation>confusion.json과 val_predictions.csv가 없어 혼동 행렬을 만들 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="144"/>
        <source>%1 classes are too many for a table; see %2.</source>
        <translation>클래스 %1개는 표로 나타내기에 너무 많습니다. %2을(를) 참고하세요.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="148"/>
        <source>Validation images after epoch %1, from %2.</source>
        <translation>에포크 %1 이후의 검증 이미지 (%2 기준).</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="149"/>
        <source>Validation images of the final model, from %1.</source>
        <translation>최종 모델의 검증 이미지 (%1 기준).</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="150"/>
        <source>Rows are the true classes, columns the predictions; shading shows each row&apos;s share.</source>
        <translation>행은 실제 클래스, 열은 예측이며, 음영은 각 행에서의 비율을 나타냅니다.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="152"/>
        <source>truth \ predicted</source>
        <translation>실제 \ 예측</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="175"/>
        <source>Per-class metrics</source>
        <translation>클래스별 지표</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="181"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="181"/>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="181"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="181"/>
        <source>Support</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="199"/>
        <source>confusion.json and val_predictions.csv are missing: no per-class scores.</source>
        <translation>confusion.json과 val_predictions.csv가 없어 클래스별 점수를 계산할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="216"/>
        <source>Computed from %1.</source>
        <translation>%1에서 계산함.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="219"/>
        <source>Macro F1: %1</source>
        <translation>매크로 F1: %1</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="225"/>
        <source>Misclassified images</source>
        <translation>오분류된 이미지</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="232"/>
        <source>val_predictions.csv is missing: no gallery of misclassified images.</source>
        <translation>val_predictions.csv가 없어 오분류 이미지 갤러리를 만들 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="247"/>
        <source>Every validation image was classified correctly.</source>
        <translation>모든 검증 이미지가 올바르게 분류되었습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="265"/>
        <source>%1 → %2
p %3, loss %4
%5</source>
        <translation>%1 → %2
p %3, 손실 %4
%5</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="269"/>
        <source>%1 of %2 validation images are misclassified; the %3 with the highest loss (true class → predicted class):</source>
        <translation>검증 이미지 %2개 중 %1개가 오분류되었습니다. 손실이 가장 큰 %3개 (실제 클래스 → 예측 클래스):</translation>
    </message>
    <message>
        <location filename="../app/report/evaluation_sections.cpp" line="277"/>
        <source>Images no longer readable: %1</source>
        <translation>더 이상 읽을 수 없는 이미지: %1</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="79"/>
        <source>%1 epochs (%2/), best validation top-1 %3 %</source>
        <translation>에폭 %1개 (%2/), 최고 검증 top-1 %3 %</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="84"/>
        <source>%1 epochs (%2/)</source>
        <translation>에폭 %1개 (%2/)</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="85"/>
        <source>%1 epochs (%2/), no validation data: its best epoch had the lowest training loss</source>
        <translation>에폭 %1개 (%2/), 검증 데이터 없음: 학습 손실이 가장 낮은 에폭이 최고</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="103"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="105"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="106"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="111"/>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="115"/>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="116"/>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="117"/>
        <source>Run folder</source>
        <translation>실행 폴더</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="120"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="120"/>
        <source>unknown (no summary.json)</source>
        <translation>알 수 없음 (summary.json 없음)</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="124"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="127"/>
        <location filename="../app/report/training_sections.cpp" line="87"/>
        <source>Best checkpoint</source>
        <translation>최고 체크포인트</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="131"/>
        <source>Pretraining stage</source>
        <translation>사전 학습 단계</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="135"/>
        <source>This run did not finish: the report shows what its folder holds so far (see Missing files).</source>
        <translation>이 실행은 끝나지 않았습니다: 보고서는 지금까지 폴더에 있는 내용을 보여 줍니다 (누락된 파일 참고).</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="141"/>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="148"/>
        <source>TransferLab (training)</source>
        <translation>TransferLab (학습)</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="149"/>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="150"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="151"/>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="152"/>
        <source>Report written by</source>
        <translation>보고서 작성 프로그램</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="156"/>
        <source>Report written at</source>
        <translation>보고서 작성 시각</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="159"/>
        <source>summary.json is missing: the training environment is unknown.</source>
        <translation>summary.json이 없어 학습 환경을 알 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="165"/>
        <source>Hyperparameters</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="167"/>
        <source>experiment.json is missing.</source>
        <translation>experiment.json이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="181"/>
        <source>Using the model in Python</source>
        <translation>Python에서 모델 사용하기</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="191"/>
        <source>%1 is not a torchvision model: model.pth holds its tensors by TransferLab&apos;s layer names, readable with torch.load(&quot;model.pth&quot;, weights_only=True) as a dictionary.</source>
        <translation>%1은(는) torchvision 모델이 아닙니다: model.pth는 텐서를 TransferLab의 레이어 이름으로 저장하며, torch.load(&quot;model.pth&quot;, weights_only=True)로 딕셔너리 형태로 읽을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="193"/>
        <source>The network</source>
        <translation>이 네트워크</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="197"/>
        <source>Export the trained weights with &apos;transferlab export RUN_DIR --format pth --out model.pth&apos; (or --format safetensors). They load into torchvision&apos;s model without conversion:</source>
        <translation>학습된 가중치를 &apos;transferlab export RUN_DIR --format pth --out model.pth&apos;(또는 --format safetensors)로 내보내세요. 변환 없이 torchvision 모델에 불러올 수 있습니다:</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="226"/>
        <source>Missing files</source>
        <translation>누락된 파일</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="228"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="228"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="228"/>
        <source>Not shown</source>
        <translation>표시되지 않는 내용</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="234"/>
        <source>These files are missing or unreadable; the report shows everything else.</source>
        <translation>이 파일들이 없거나 읽을 수 없습니다. 보고서는 나머지 내용을 모두 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="242"/>
        <source>Training report: %1</source>
        <translation>학습 보고서: %1</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="243"/>
        <source>%1, started %2</source>
        <translation>%1, %2 시작</translation>
    </message>
    <message>
        <location filename="../app/report/report_builder.cpp" line="243"/>
        <source>unknown network</source>
        <translation>알 수 없는 네트워크</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="26"/>
        <location filename="../app/report/run_data.cpp" line="185"/>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="30"/>
        <source>too large (%1 bytes)</source>
        <translation>너무 큼 (%1바이트)</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="34"/>
        <source>cannot be read: %1</source>
        <translation>읽을 수 없음: %1</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="50"/>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>올바른 JSON이 아님 (바이트 %2에서 %1)</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="51"/>
        <source>not a JSON object</source>
        <translation>JSON 객체가 아님</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="65"/>
        <source>has no rows</source>
        <translation>행이 없음</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="158"/>
        <source>the architecture, freeze plan and hyperparameters</source>
        <translation>아키텍처, 동결 계획, 하이퍼파라미터</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="162"/>
        <source>the dataset summary</source>
        <translation>데이터셋 요약</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="163"/>
        <source>the outcome and the environment</source>
        <translation>결과와 환경</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="164"/>
        <source>the per-epoch curves and metrics</source>
        <translation>에포크별 곡선과 지표</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="165"/>
        <source>the per-iteration loss and learning rate</source>
        <translation>반복별 손실과 학습률</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="168"/>
        <source>the confusion matrix and per-class scores</source>
        <translation>혼동 행렬과 클래스별 점수</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="169"/>
        <source>the gallery of misclassified images</source>
        <translation>오분류 이미지 갤러리</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="171"/>
        <source>the skipped files and the training log</source>
        <translation>건너뛴 파일과 학습 로그</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="186"/>
        <source>the export of the trained model</source>
        <translation>학습된 모델 내보내기</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="187"/>
        <source>resuming and the best epoch&apos;s weights</source>
        <translation>재개 및 최고 에포크의 가중치</translation>
    </message>
    <message>
        <location filename="../app/report/run_data.cpp" line="192"/>
        <source> (pretraining)</source>
        <translation> (사전 학습)</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="101"/>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="105"/>
        <source>Training loss per iteration</source>
        <translation>반복별 학습 손실</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="105"/>
        <location filename="../app/report/training_sections.cpp" line="137"/>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="107"/>
        <source>smoothed</source>
        <translation>평활화</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="110"/>
        <source>metrics.csv is missing: no per-iteration curves.</source>
        <translation>metrics.csv가 없어 반복별 곡선을 그릴 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="122"/>
        <source>Accuracy and scores per epoch</source>
        <translation>에포크별 정확도와 점수</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="122"/>
        <source>score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="125"/>
        <source>The run had no validation data: every per-epoch curve is a training figure.</source>
        <translation>이 실행에는 검증 데이터가 없었습니다: 에폭별 곡선은 모두 학습 수치입니다.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="127"/>
        <source>epochs.csv is missing: no per-epoch curves.</source>
        <translation>epochs.csv가 없어 에포크별 곡선을 그릴 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="137"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="137"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="138"/>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="148"/>
        <source>the highest validation top-1</source>
        <translation>가장 높은 검증 top-1</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="150"/>
        <source>the highest validation mIoU</source>
        <translation>가장 높은 검증 mIoU</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="152"/>
        <source>the lowest training loss (the run had no validation data)</source>
        <translation>가장 낮은 학습 손실 (이 실행에는 검증 데이터가 없었음)</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="153"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="160"/>
        <source>no epoch has finished</source>
        <translation>끝난 에폭이 없음</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="161"/>
        <source>epoch %1, chosen by %2</source>
        <translation>에폭 %1, 기준: %2</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="166"/>
        <source>Final and best metrics</source>
        <translation>최종 및 최고 지표</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="169"/>
        <source>Neither epochs.csv nor summary.json is there: no epoch has finished.</source>
        <translation>epochs.csv와 summary.json이 모두 없습니다: 완료된 에포크가 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="172"/>
        <source>epochs.csv is missing; these values come from summary.json.</source>
        <translation>epochs.csv가 없어 이 값들은 summary.json에서 가져왔습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="200"/>
        <source>val macro F1 (confusion.json)</source>
        <translation>검증 macro F1 (confusion.json)</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="207"/>
        <source>No validation data: no validation figures.</source>
        <translation>검증 데이터 없음: 검증 수치가 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="75"/>
        <source>Final train loss</source>
        <translation>최종 학습 손실</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="76"/>
        <source>Final train accuracy</source>
        <translation>최종 학습 정확도</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="76"/>
        <source>Final train pixel accuracy</source>
        <translation>최종 학습 픽셀 정확도</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="81"/>
        <source>Final validation loss</source>
        <translation>최종 검증 손실</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="83"/>
        <source>Final validation mIoU</source>
        <translation>최종 검증 mIoU</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="85"/>
        <source>Final validation top-1</source>
        <translation>최종 검증 top-1</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation type="vanished">최고 에포크</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="89"/>
        <source>Best validation top-1</source>
        <translation>최고 검증 top-1</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="89"/>
        <source>Best validation mIoU</source>
        <translation>최고 검증 mIoU</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="93"/>
        <source>Best epoch&apos;s train loss</source>
        <translation>최고 에폭의 학습 손실</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="179"/>
        <source>Best checkpoint: %1.</source>
        <translation>최고 체크포인트: %1.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="181"/>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="181"/>
        <source>Final (epoch %1)</source>
        <translation>최종 (에포크 %1)</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="183"/>
        <source>Best (epoch %1)</source>
        <translation>최고 (에포크 %1)</translation>
    </message>
    <message>
        <source>macro F1 (confusion.json)</source>
        <translation type="vanished">매크로 F1 (confusion.json)</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="221"/>
        <source>Every epoch (epochs.csv):</source>
        <translation>전체 에포크 (epochs.csv):</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="228"/>
        <source>Timings</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="242"/>
        <source>No epoch has finished: no timings.</source>
        <translation>완료된 에포크가 없어 소요 시간이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="246"/>
        <source>Training time (finished epochs)</source>
        <translation>학습 시간 (완료된 에포크)</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="247"/>
        <source>Mean time per epoch</source>
        <translation>에포크당 평균 시간</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="248"/>
        <source>Mean training throughput</source>
        <translation>평균 학습 처리량</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="248"/>
        <location filename="../app/report/training_sections.cpp" line="250"/>
        <source>%1 images/s</source>
        <translation>%1 이미지/초</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="249"/>
        <source>Last epoch&apos;s throughput</source>
        <translation>마지막 에포크의 처리량</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="252"/>
        <source>Device and threads</source>
        <translation>장치와 스레드</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="256"/>
        <source>Training throughput per epoch</source>
        <translation>에포크별 학습 처리량</translation>
    </message>
    <message>
        <location filename="../app/report/training_sections.cpp" line="256"/>
        <location filename="../app/report/training_sections.cpp" line="257"/>
        <source>images/s</source>
        <translation>이미지/초</translation>
    </message>
</context>
</TS>
