<?php
// TEST PEER SUPPORT: makes NuSOAP 0.9.5 (Debian's libnusoap-php) loadable on PHP 8.
//
// NuSOAP 0.9.5 declares PHP 4 style constructors (a method named like its class). PHP 8 no
// longer calls those, so `new soap_fault(...)` would build an empty object. This script copies
// every *.php of the installed library into another directory and, using PHP's own tokenizer
// (so comments and strings are never touched):
//   - renames each method that has its class's name to `__construct`;
//   - rewrites `parent::<old constructor name>(` calls to `parent::__construct(`.
// Nothing else changes. The installed library is never modified.
//
// Usage: php nusoap_patch.php <installed nusoap dir> <output dir>

if ($argc !== 3) {
    fwrite(STDERR, "usage: php nusoap_patch.php <nusoap dir> <output dir>\n");
    exit(2);
}
[$_, $src, $dst] = $argv;
$files = glob(rtrim($src, '/') . '/*.php');
if (!$files || !in_array(rtrim($src, '/') . '/nusoap.php', $files, true)) {
    fwrite(STDERR, "nusoap_patch: no nusoap.php in $src (install Debian package libnusoap-php)\n");
    exit(3);
}
if (!is_dir($dst) && !mkdir($dst, 0700, true)) {
    fwrite(STDERR, "nusoap_patch: cannot create $dst\n");
    exit(4);
}

// Class names whose constructor was renamed, over all files (lower case: PHP names are
// case-insensitive).
$renamed = [];
$outputs = [];
foreach ($files as $file) {
    $outputs[$file] = rename_constructors(token_get_all(file_get_contents($file)), $renamed);
}
$total_parent_calls = 0;
foreach ($outputs as $file => $tokens) {
    [$code, $parent_calls] = rewrite_parent_calls($tokens, $renamed);
    $total_parent_calls += $parent_calls;
    if (file_put_contents($dst . '/' . basename($file), $code) === false) {
        fwrite(STDERR, "nusoap_patch: cannot write into $dst\n");
        exit(4);
    }
}
if (!isset($renamed['nusoap_base'])) {
    fwrite(STDERR, "nusoap_patch: no PHP 4 constructor found in nusoap_base; is this NuSOAP 0.9.5?\n");
    exit(5);
}
echo 'renamed constructors: ' . implode(' ', array_keys($renamed))
    . "; parent calls rewritten: $total_parent_calls\n";

/** Renames `function <ClassName>(` inside that class's body; records the class in $renamed. */
function rename_constructors(array $tokens, array &$renamed): array
{
    $class = null;        // class whose body we are in
    $class_depth = null;  // brace depth of that body
    $pending_class = null;
    $depth = 0;
    $count = count($tokens);
    for ($i = 0; $i < $count; $i++) {
        $t = $tokens[$i];
        if (is_array($t)) {
            if ($t[0] === T_CLASS && !($i > 0 && is_array($tokens[$i - 1]) && $tokens[$i - 1][0] === T_DOUBLE_COLON)) {
                $pending_class = next_name($tokens, $i);
            } elseif ($t[0] === T_CURLY_OPEN || $t[0] === T_DOLLAR_OPEN_CURLY_BRACES) {
                $depth++;
            } elseif ($t[0] === T_FUNCTION && $class !== null && $depth === $class_depth) {
                $j = next_index($tokens, $i);
                if ($j !== null && is_array($tokens[$j]) && $tokens[$j][0] === T_STRING
                    && strcasecmp($tokens[$j][1], $class) === 0) {
                    $tokens[$j][1] = '__construct';
                    $renamed[strtolower($class)] = true;
                }
            }
            continue;
        }
        if ($t === '{') {
            $depth++;
            if ($pending_class !== null) {
                $class = $pending_class;
                $class_depth = $depth;
                $pending_class = null;
            }
        } elseif ($t === '}') {
            if ($class !== null && $depth === $class_depth) {
                $class = null;
                $class_depth = null;
            }
            $depth--;
        }
    }
    return $tokens;
}

/** Rewrites `parent::<renamed constructor>(` to `parent::__construct(`; returns [code, count]. */
function rewrite_parent_calls(array $tokens, array $renamed): array
{
    $code = '';
    $rewritten = 0;
    $count = count($tokens);
    for ($i = 0; $i < $count; $i++) {
        $t = $tokens[$i];
        if (is_array($t) && $t[0] === T_STRING && isset($renamed[strtolower($t[1])])
            && $i >= 2 && is_array($tokens[$i - 1]) && $tokens[$i - 1][0] === T_DOUBLE_COLON
            && is_array($tokens[$i - 2]) && strcasecmp($tokens[$i - 2][1], 'parent') === 0) {
            $code .= '__construct';
            $rewritten++;
            continue;
        }
        $code .= is_array($t) ? $t[1] : $t;
    }
    return [$code, $rewritten];
}

function next_index(array $tokens, int $i): ?int
{
    for ($j = $i + 1; $j < count($tokens); $j++) {
        if (!is_array($tokens[$j]) || ($tokens[$j][0] !== T_WHITESPACE && $tokens[$j][0] !== T_COMMENT
            && $tokens[$j][0] !== T_DOC_COMMENT)) {
            return $j;
        }
    }
    return null;
}

function next_name(array $tokens, int $i): ?string
{
    $j = next_index($tokens, $i);
    return ($j !== null && is_array($tokens[$j]) && $tokens[$j][0] === T_STRING) ? $tokens[$j][1] : null;
}
