<?php
// PHP's half of `cargo xtask bench-compare`: decodes a canned SOAP answer with ext/soap's
// SoapClient in WSDL mode, the way a PHP client of the vendor decodes it.
//   php -d soap.wsdl_cache_enabled=1 soapclient_decode.php <wsdl> <envelope file> <rows> <runs>
// The transport is canned: a subclass's __doRequest returns the envelope, so what is timed is
// request encoding (a few hundred bytes) plus parsing and decoding the answer into PHP values.
// One warm-up call (it also parses and caches the WSDL), then <runs> timed calls.
// Last line: `RESULT php_ms=<median ms> rows=<n> peak_bytes=<memory_get_peak_usage>`.

if ($argc !== 5) {
    fwrite(STDERR, "usage: php soapclient_decode.php <wsdl> <envelope file> <rows> <runs>\n");
    exit(2);
}
[, $wsdl, $envelopeFile, $rows, $runs] = $argv;
$rows = (int) $rows;
$runs = (int) $runs;
if (!extension_loaded('soap')) {
    fwrite(STDERR, "PHP extension soap missing (apt-get install php-soap)\n");
    exit(1);
}
if (ini_get('soap.wsdl_cache_enabled') !== '1') {
    fwrite(STDERR, "run with -d soap.wsdl_cache_enabled=1\n");
    exit(2);
}
$envelope = file_get_contents($envelopeFile);
if ($envelope === false) {
    fwrite(STDERR, "cannot read $envelopeFile\n");
    exit(1);
}

class CannedClient extends SoapClient
{
    public string $envelope = '';

    public function __doRequest(string $request, string $location, string $action, int $version, bool $oneWay = false): ?string
    {
        return $this->envelope;
    }
}

$client = new CannedClient($wsdl, [
    'soap_version' => SOAP_1_1,
    'cache_wsdl' => WSDL_CACHE_BOTH,
    'exceptions' => true,
    'trace' => false,
]);
$client->envelope = $envelope;

/** One decode; fails loudly when the answer does not decode to the expected rows. */
function decode_once(CannedClient $client, int $rows): float
{
    $started = hrtime(true);
    $result = $client->api_vps_get_services("rows:$rows");
    $elapsed = (hrtime(true) - $started) / 1e6;
    if (!is_array($result) || count($result) !== $rows) {
        fwrite(STDERR, "SoapClient decoded " . (is_array($result) ? count($result) : gettype($result)) . " rows, expected $rows\n");
        exit(1);
    }
    if ($rows > 0 && $result[0]->vps_id !== 1001) {
        fwrite(STDERR, "SoapClient decoded vps_id " . var_export($result[0]->vps_id, true) . ", expected 1001\n");
        exit(1);
    }
    // Freeing the result is not part of decoding: it happens here, after the clock stopped.
    return $elapsed;
}

decode_once($client, $rows);
$times = [];
for ($i = 0; $i < $runs; $i++) {
    $times[] = decode_once($client, $rows);
}
echo 'php-soapclient runs (ms): ' . implode(' ', array_map(fn ($t) => sprintf('%.3f', $t), $times)) . "\n";
sort($times);
printf("RESULT php_ms=%.3f rows=%d peak_bytes=%d\n", $times[intdiv($runs, 2)], $rows, memory_get_peak_usage());
