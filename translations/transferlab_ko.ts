<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="28"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="55"/>
        <source>There is no diagram to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="36"/>
        <source>Not enough memory for a %1 × %2 image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="45"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="47"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="58"/>
        <location filename="../widgets/diagram/diagram_export.cpp" line="72"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_export.cpp" line="64"/>
        <source>Architecture diagram exported from TransferLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="40"/>
        <source>no parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="41"/>
        <source>trainable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="42"/>
        <source>frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="43"/>
        <source>partly frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="56"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="57"/>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="61"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="58"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="60"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="64"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="69"/>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="73"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="74"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="75"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="77"/>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/diagram/diagram_tooltip.cpp" line="77"/>
        <source>only while training (auxiliary)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="19"/>
        <source>Architecture name, e.g. resnet18.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="21"/>
        <source>Number of classes (default: the architecture&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="23"/>
        <source>Input channels, 1 or 3 (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="26"/>
        <source>Input size H or HxW (default: the architecture&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="55"/>
        <source>--arch is required (see &apos;transferlab models&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="60"/>
        <source>unknown architecture &apos;%1&apos; (see &apos;transferlab models&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="64"/>
        <source>--classes must be a whole number from 1 to 1000000, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="70"/>
        <source>--in-channels must be 1 or 3, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="76"/>
        <source>--input-size must be H or HxW in pixels, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/arch_options.cpp" line="95"/>
        <source>too many arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="14"/>
        <source>List every architecture of the zoo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="17"/>
        <source>Show an architecture&apos;s nodes, shapes, edges and parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="20"/>
        <source>Classify an image with an architecture and a weight file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="21"/>
        <source>Convert weights between .pth and .safetensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="23"/>
        <source>Train an experiment file headless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="25"/>
        <source>Continue a stopped run from its checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="28"/>
        <source>Check a dataset folder: classes, splits, duplicates, skipped files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="31"/>
        <source>Write the procedural demo datasets as image folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="61"/>
        <source>Usage: transferlab [COMMAND] [OPTIONS]

Without a command the desktop application starts.

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="67"/>
        <source>
Options:
  -h, --help     Show this help
  -v, --version  Show the version

Run &apos;transferlab COMMAND --help&apos; for the options of a command.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/command_line.cpp" line="105"/>
        <source>unknown command &apos;%1&apos;; run &apos;transferlab --help&apos; for the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="14"/>
        <source>Convert weights between .pth and .safetensors; the output format follows OUT&apos;s extension. Checkpoints keep only their state_dict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="17"/>
        <source>Weight file to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="18"/>
        <source>File to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="23"/>
        <source>convert needs IN and OUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/convert_command.cpp" line="28"/>
        <source>wrote %1 (%2 tensors)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="18"/>
        <source>--%1 needs a number of at least %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="29"/>
        <source>Write the procedural demo datasets: a source task (8 shapes, many images), a target task (5 other shapes, few images) and a small segmentation set, as image folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="32"/>
        <source>Folder to write into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="34"/>
        <source>Image side in pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="36"/>
        <source>Random seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="39"/>
        <source>Training images per source class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="42"/>
        <source>Training images per target class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="45"/>
        <source>Validation images per class, both tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="48"/>
        <source>Segmentation images (0: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="54"/>
        <source>give one output folder; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="68"/>
        <source>--seed needs a non-negative number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/demo_data_command.cpp" line="73"/>
        <source>Wrote %1 source, %2 target and %3 segmentation images to %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="19"/>
        <source>Show an architecture&apos;s nodes, output shapes, edges, parameters and buffers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="23"/>
        <location filename="../app/cli/models_command.cpp" line="17"/>
        <location filename="../app/cli/predict_command.cpp" line="68"/>
        <location filename="../app/cli/scan_command.cpp" line="94"/>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="27"/>
        <source>Weight file (.pth or .safetensors) to match against the architecture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="33"/>
        <location filename="../app/cli/predict_command.cpp" line="76"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="59"/>
        <source>
Weights: %1 matched, %2 missing, %3 unexpected, %4 with another shape%5; SHA-256 in name: %6
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="66"/>
        <source> (only the head differs: it starts fresh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/inspect_command.cpp" line="71"/>
        <source>%1: SHA-256 does not start with the hash in its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/models_command.cpp" line="16"/>
        <source>List every architecture of the zoo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/models_command.cpp" line="22"/>
        <source>models takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="44"/>
        <source> CLASS  PROBABILITY  NAME
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="53"/>
        <source>Classify one image with an architecture and a weight file (.pth or .safetensors), or with the trained model of a run folder (--run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="58"/>
        <source>Weight file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="60"/>
        <source>Image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="62"/>
        <source>Classes to list (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="66"/>
        <source>Use the image at its own size: no resize, no crop; only scaling to [0,1] and ImageNet normalisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="70"/>
        <source>A finished run folder: its model and classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="81"/>
        <source>--topk must be a whole number from 1, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="86"/>
        <source>--image is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="97"/>
        <source>--weights and --image are required (or --run and --image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/predict_command.cpp" line="144"/>
        <source> CLASS  PROBABILITY
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="45"/>
        <source>Dataset   %1 (%2%3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="47"/>
        <source>, split folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="48"/>
        <source>Images    %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="50"/>
        <source>Classes   %1, imbalance %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="57"/>
        <source>Sizes     %1x%2 to %3x%4, median %5x%6
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="63"/>
        <source>Storage   %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="66"/>
        <source>Duplicate%1:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="67"/>
        <location filename="../app/cli/scan_command.cpp" line="70"/>
        <source> across splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="68"/>
        <source>Near duplicate (distance %1)%2:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="75"/>
        <source>Skipped   %1 files
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="80"/>
        <source>Warning   %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="82"/>
        <source>Error     %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="91"/>
        <source>Check an image folder: classes, splits, sizes, duplicates and every file that would be skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="93"/>
        <source>The dataset folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="96"/>
        <source>Read headers only: no decoding, no near duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="97"/>
        <source>Decode threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="100"/>
        <source>Largest image accepted, in pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="106"/>
        <source>give one dataset folder; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="113"/>
        <source>--threads needs a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/scan_command.cpp" line="118"/>
        <source>--max-pixels needs a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="22"/>
        <source>Print one JSON event per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="52"/>
        <source>Train an experiment headless. Exit codes: 0 done, 1 failed, 2 bad usage, 3 the loss diverged, 130 interrupted (resumable with &apos;transferlab resume RUN_DIR&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="55"/>
        <source>Experiment file (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="57"/>
        <source>Folder for run folders (default: runs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="60"/>
        <source>Override an entry, e.g. --set optim.lr=0.001 (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="67"/>
        <source>--config is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="73"/>
        <source>%1: cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="80"/>
        <source>%1: not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="100"/>
        <source>Continue a stopped or killed run from its last checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="101"/>
        <source>The run folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/train_command.cpp" line="106"/>
        <source>resume takes one run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/weights_options.cpp" line="40"/>
        <source>%1 does not fit %2: %3 missing%4, %5 with another shape%6, %7 unexpected%8</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::ArchitectureDiagram</name>
    <message>
        <location filename="../widgets/diagram/architecture_diagram.cpp" line="137"/>
        <source>%1 — double-click or press − to collapse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::ArchitectureTree</name>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_tree.cpp" line="29"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="24"/>
        <source>TransferLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="33"/>
        <source>Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="34"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="43"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="44"/>
        <source>&amp;Export Diagram...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="44"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="46"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="47"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="48"/>
        <source>&amp;About TransferLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="49"/>
        <source>About TransferLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="50"/>
        <source>TransferLab %1
A lab for transfer-learning experiments on images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="54"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="55"/>
        <source>Collapse to &amp;Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="56"/>
        <source>Collapse to &amp;Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="57"/>
        <source>&amp;Expand All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="134"/>
        <source>%1: %2 of %3 parameters trainable, input %4×%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="142"/>
        <location filename="../app/main_window.cpp" line="150"/>
        <source>Export Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143"/>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="150"/>
        <source>Could not export %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
