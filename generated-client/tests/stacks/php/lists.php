<?php
// TEST PEER (tests/third_party_stacks.rs): PHP ext/soap `SoapServer` in WSDL mode on the
// hand-written document/literal WSDL tests/stacks/specs/php_lists/lists.wsdl: `xsd:list`
// elements and attributes, and a soap:header part declared with `type=`.
// Router script for PHP's built-in server:
//   STACK_WSDL=<path to lists.wsdl> php -S 127.0.0.1:<port> lists.php
// POST = a SOAP call; GET with `?wsdl` = the WSDL itself.
//
// ext/soap reads an xsd:list as its whitespace-collapsed text (a string) and writes a PHP
// array as the items separated by spaces, each through the item type's encoder. It matches a
// `type=` header by the part's name in the soap:header's `namespace=`. As in server.php,
// every check also looks at the raw request (php://input) by namespace URI and answers the
// fault `Client` / `PEER-CHECK-FAILED <check>: <detail>` when something is not as the WSDL says.

ini_set('soap.wsdl_cache_enabled', '0');

const NS_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const NS_LISTS = 'urn:stacks:lists';
const NS_TICKET = 'urn:stacks:lists:ticket';

$wsdl = getenv('STACK_WSDL') ?: '';
if ($wsdl === '' || !is_readable($wsdl)) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "lists.php: STACK_WSDL does not name a readable WSDL file\n";
    return true;
}
$method = $_SERVER['REQUEST_METHOD'] ?? '';
if ($method === 'GET' && isset($_GET['wsdl'])) {
    header('Content-Type: text/xml; charset=UTF-8');
    readfile($wsdl);
    return true;
}
if ($method !== 'POST') {
    http_response_code(405);
    header('Allow: POST');
    echo "POST a SOAP envelope, or GET ?wsdl\n";
    return true;
}

function check_failed($check, $detail)
{
    throw new SoapFault('Client', "PEER-CHECK-FAILED $check: $detail");
}

/** The one text `$path` selects, exactly (no whitespace trimmed). */
function only_text($xp, $check, $path)
{
    $nodes = $xp->query($path);
    if ($nodes->length !== 1) {
        check_failed($check, "$path selected {$nodes->length} nodes, want 1");
    }
    return $nodes->item(0)->textContent;
}

function expect_text($xp, $check, $path, $want)
{
    $got = only_text($xp, $check, $path);
    if ($got !== $want) {
        check_failed($check, "$path gave " . json_encode($got) . ', want ' . json_encode($want));
    }
}

class ListsHandler
{
    private $xp;
    private $ticket = null;

    public function __construct($xp)
    {
        $this->xp = $xp;
    }

    /** The `ticket` header (SoapServer calls the method named after the header element). */
    public function ticket($ticket)
    {
        $this->ticket = $ticket;
    }

    /**
     * Measure: `ids` and `amounts` one element each, whose text is the items separated by
     * one space; the `sizes` attribute likewise; the `ticket` header unqualified by its
     * schema but in the soap:header's namespace, its fields in urn:stacks:lists. A ticket of
     * the user `leak` is refused with a fault that quotes its token (the client must redact it).
     */
    public function Measure($params)
    {
        $xp = $this->xp;
        $ticket = '/e:Envelope/e:Header/k:ticket';
        expect_text($xp, 'Measure.ticket.user', "$ticket/l:user", $this->ticket->user ?? '(none)');
        $token = only_text($xp, 'Measure.ticket.token', "$ticket/l:token");
        if ($this->ticket === null || $this->ticket->token !== $token) {
            check_failed('Measure.ticket', 'SoapServer did not bind the ticket header');
        }
        if ($this->ticket->user === 'leak') {
            check_failed('Measure.ticket.refused', "token $token is not valid");
        }
        $body = '/e:Envelope/e:Body/l:Measure';
        expect_text($xp, 'Measure.ids', "$body/l:ids", '3 -1 2147483647');
        expect_text($xp, 'Measure.parcel.amounts', "$body/l:parcel/l:amounts", '10.50 0.01 -7');
        expect_text($xp, 'Measure.parcel.sizes', "$body/l:parcel/@sizes", 'S L M');
        if ($xp->query("$body//l:item")->length !== 0) {
            check_failed('Measure.items', 'a list was sent as <item> elements');
        }
        // What SoapServer made of them: the collapsed texts.
        if ($params->ids !== '3 -1 2147483647' || $params->parcel->sizes !== 'S L M') {
            check_failed('Measure.bound', json_encode($params));
        }
        $ids = array_map('intval', preg_split('/\s+/', $params->ids));
        return [
            'reversed' => array_reverse($ids),
            'parcel' => ['amounts' => ['1.10', '2', '-0.5'], 'sizes' => ['M', 'M', 'S']],
            'user' => $this->ticket->user,
        ];
    }
}

$raw = file_get_contents('php://input');
$server = new SoapServer($wsdl, ['soap_version' => SOAP_1_1, 'cache_wsdl' => WSDL_CACHE_NONE]);
$doc = new DOMDocument();
if (!$doc->loadXML($raw, LIBXML_NONET)) {
    $server->fault('Client', 'PEER-CHECK-FAILED request.xml: not well-formed');
    return true;
}
$xp = new DOMXPath($doc);
$xp->registerNamespace('e', NS_ENV);
$xp->registerNamespace('l', NS_LISTS);
$xp->registerNamespace('k', NS_TICKET);
$server->setObject(new ListsHandler($xp));
$server->handle($raw);
return true;
