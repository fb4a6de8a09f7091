<?php
// Runs Moodle's own Moodle XML importer (question/format/xml/format.php, from the copy of Moodle's
// source that MOODLE_SOURCE names) outside Moodle, with just enough of Moodle faked around it, and
// prints its reading as JSON in the shape of ../shared/corpus/moodle/harness/moodle_gift.php's.
// Usage: MOODLE_SOURCE=/path/to/moodle php tests/moodle_xml.php FILE.xml
// Embedded-answers (cloze) questions need question/type/multianswer/questiontype.php in MOODLE_SOURCE
// too (`git archive HEAD ... question/type/multianswer/questiontype.php`); the files Moodle would
// store (embedded images) are listed as [name, size] under "files".
define('MOODLE_INTERNAL', 1);
define('FORMAT_MOODLE', 0);
define('FORMAT_HTML', 1);
define('FORMAT_PLAIN', 2);
define('FORMAT_WIKI', 3);
define('FORMAT_MARKDOWN', 4);
define('PARAM_TEXT', 'text');
define('PARAM_FILE', 'file');
define('DEBUG_DEVELOPER', 32767);

$root = rtrim((string) getenv('MOODLE_SOURCE'), '/');
$CFG = new stdClass();
$CFG->libdir = $root . '/lib';
$CFG->dirroot = $root;
$USER = (object) ['id' => 1];
$OUTPUT = new class {
    public function notification($message) { fwrite(STDERR, "notice: $message\n"); }
};
$LOADED = [];
foreach (['question/format/xml/lang/en/qformat_xml.php'] as $file) {
    $string = [];
    include $root . '/' . $file;
    $LOADED += $string;
}

function get_string($id, $component = '', $a = null) {
    global $LOADED;
    $text = $LOADED[$id] ?? "[$component:$id]";
    return is_scalar($a) ? str_replace('{$a}', $a, $text) : $text;
}
function get_config($plugin, $name = null) { return $name === 'answernumbering' ? 'abc' : null; }
function clean_param($value, $type) { return $type === PARAM_TEXT ? strip_tags($value) : $value; }
function shorten_text($text, $length = 30) {
    $text = strip_tags($text);
    return mb_strlen($text) > $length ? mb_substr($text, 0, $length - 3) . '...' : $text;
}
function debugging($message = '', $level = 0) { fwrite(STDERR, "debugging: $message\n"); }
function s($text) { return htmlspecialchars($text); }
function file_get_unused_draft_itemid() { static $next = 1000; return $next++; }
function get_file_storage() {
    static $storage = null;
    return $storage ??= new class {
        public $files = [];
        public function create_file_from_string($record, $content) { $this->files[] = [$record['filename'], strlen($content)]; }
    };
}
class context_user { public $id = 5; public static function instance($id) { return new context_user(); } }
class core_text {
    public static function trim_utf8_bom($s) { return strpos($s, "\xef\xbb\xbf") === 0 ? substr($s, 3) : $s; }
    public static function strlen($s) { return mb_strlen($s); }
}
class core_tag_tag { public static function is_enabled($component, $itemtype) { return true; } }
class moodle_exception extends Exception {
    public function __construct($errorcode = "", $module = "", $link = "", $a = null, $debuginfo = null) { parent::__construct("$errorcode: $debuginfo"); }
}
class coding_exception extends moodle_exception {}
class question_bank {
    public static function get_all_qtypes() { return []; }
    public static function get_qtype($name) { return null; }
}

// Moodle's embedded-answers (cloze) parser: the functions at the end of qtype_multianswer's file,
// which need only these two classes' constants (loaded when that file is in MOODLE_SOURCE).
class qtype_multichoice_base { const LAYOUT_DROPDOWN = 0; const LAYOUT_VERTICAL = 1; const LAYOUT_HORIZONTAL = 2; }
class qtype_numerical { public static function is_valid_number($x) { return is_numeric(trim($x)); } }
function fullclone($thing) { return unserialize(serialize($thing)); }
$multianswer = $root . '/question/type/multianswer/questiontype.php';
if (is_file($multianswer)) {
    $source = file_get_contents($multianswer);
    eval(substr($source, strpos($source, "define('ANSWER_ALTERNATIVE_FRACTION_REGEX'")));
}

require_once($root . '/question/format.php');
require_once($root . '/question/format/xml/format.php');

class driven_xml extends qformat_xml {
    public $problems = [];
    protected function error($message, $text = '', $questionname = '') {
        $this->problems[] = ['message' => $message, 'text' => $text];
        $this->importerrors++;
    }
    public function read_file($filename) { return $this->readquestions($this->readdata($filename)); }
}

$reader = new driven_xml();
$questions = $reader->read_file($argv[1]);
$names = [FORMAT_MOODLE => 'moodle', FORMAT_HTML => 'html', FORMAT_PLAIN => 'plain', FORMAT_WIKI => 'wiki', FORMAT_MARKDOWN => 'markdown'];
$text = function ($field) { return is_array($field) ? $field['text'] : (string) $field; };
$out = [];
foreach ($questions ?: [] as $q) {
    $row = ['qtype' => $q->qtype];
    if ($q->qtype === 'category') {
        $row['category'] = $q->category;
        $out[] = $row;
        continue;
    }
    $row += [
        'name' => $q->name, 'text' => $q->questiontext, 'textformat' => $names[$q->questiontextformat] ?? 'html',
        'generalfeedback' => $q->generalfeedback, 'idnumber' => (string) ($q->idnumber ?? ''), 'tags' => $q->tags ?? [],
        'penalty' => (float) ($q->penalty ?? 0),
    ];
    if ($q->qtype === 'multichoice') {
        $row['single'] = $q->single;
        $row['shuffle'] = $q->shuffleanswers;
        $row['answers'] = [];
        foreach ($q->answer as $k => $a) {
            $row['answers'][] = ['text' => $a['text'], 'format' => $names[$a['format']] ?? 'html',
                'fraction' => (float) $q->fraction[$k], 'feedback' => $text($q->feedback[$k])];
        }
    } elseif ($q->qtype === 'shortanswer' || $q->qtype === 'numerical') {
        $row['answers'] = [];
        foreach ($q->answer as $k => $a) {
            $entry = ['answer' => $a, 'fraction' => (float) $q->fraction[$k], 'feedback' => $text($q->feedback[$k])];
            if ($q->qtype === 'numerical') {
                $entry['tolerance'] = $q->tolerance[$k];
            }
            $row['answers'][] = $entry;
        }
        if ($q->qtype === 'numerical') {
            $row['units'] = $q->unit;
        }
    } elseif ($q->qtype === 'truefalse') {
        $row['correct'] = (bool) $q->correctanswer;
        $row['feedbacktrue'] = $text($q->feedbacktrue ?? '');
        $row['feedbackfalse'] = $text($q->feedbackfalse ?? '');
    } elseif ($q->qtype === 'match') {
        $row['pairs'] = [];
        foreach ($q->subquestions as $k => $sub) {
            $row['pairs'][] = ['left' => $sub['text'], 'leftformat' => $names[$sub['format']] ?? 'html', 'right' => $q->subanswers[$k]];
        }
    }
    if ($q->qtype === 'multianswer') {
        $row['gaps'] = [];
        foreach ($q->options->questions as $gap) {
            $answers = [];
            foreach ($gap->answer as $k => $a) {
                $answers[] = ['text' => $text($a), 'fraction' => (float) $gap->fraction[$k], 'feedback' => $text($gap->feedback[$k] ?? '')];
            }
            $row['gaps'][] = ['qtype' => $gap->qtype, 'single' => $gap->single ?? null, 'answers' => $answers];
        }
    }
    $row['hints'] = array_map($text, $q->hint ?? []);
    $row['save_problems'] = [];
    $out[] = $row;
}
echo json_encode(['questions' => $out, 'errors' => $reader->problems, 'files' => get_file_storage()->files], JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
