<?php
// TEST PEER (tests/third_party_stacks.rs): the `/ledger` service of server.php, on
// tests/stacks/specs/php_ledger/ledger.wsdl: rpc/encoded, where every element carries the
// xsi:type the WSDL declares for it.
//
// ext/soap itself decodes an encoded element by its xsi:type when it knows that type, so a
// wrong one can slip through as a string; Apache Axis 1 refuses it. The handler therefore
// checks each element's xsi:type in the raw request, resolved to {namespace URI}local name
// where the element is, besides what SoapServer decoded.

const NS_LEDGER = 'urn:stacks:ledger';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const NS_XSD = 'http://www.w3.org/2001/XMLSchema';
const NS_ENC = 'http://schemas.xmlsoap.org/soap/encoding/';

/** The xsi:type of each element `$path` selects, as `{namespace URI}local name`. */
function xsi_types($xp, $path)
{
    $out = [];
    foreach ($xp->query($path) as $node) {
        $value = $node->getAttributeNS(NS_XSI, 'type');
        [$prefix, $local] = str_contains($value, ':') ? explode(':', $value, 2) : [null, $value];
        $out[] = '{' . $node->lookupNamespaceURI($prefix) . '}' . $local;
    }
    return $out;
}

class LedgerHandler
{
    private $xp;

    public function __construct($xp)
    {
        $this->xp = $xp;
        $xp->registerNamespace('l', NS_LEDGER);
    }

    /**
     * book: the wrapper `l:book` holds the unqualified parts `entry` (an `Entry` whose fields
     * are typed as declared: `Kind`, `xsd:float` although the client holds a decimal,
     * `xsd:dateTime`, `xsd:base64Binary`, and an array of `xsd:date`) and `fee` (`xsd:float`).
     * An entry of kind `credit` booked in the past is refused (a check that can fail).
     */
    public function book($entry, $fee)
    {
        $xp = $this->xp;
        $book = '/e:Envelope/e:Body/l:book';
        $want = [
            "$book/entry" => '{' . NS_LEDGER . '}Entry',
            "$book/entry/kind" => '{' . NS_LEDGER . '}Kind',
            "$book/entry/amount" => '{' . NS_XSD . '}float',
            "$book/entry/booked" => '{' . NS_XSD . '}dateTime',
            "$book/entry/receipt" => '{' . NS_XSD . '}base64Binary',
            "$book/entry/due" => '{' . NS_LEDGER . '}ArrayOfDate',
            "$book/fee" => '{' . NS_XSD . '}float',
        ];
        foreach ($want as $path => $type) {
            $got = xsi_types($xp, $path);
            if ($got !== [$type]) {
                check_failed('book.xsi_type', "$path has xsi:type " . json_encode($got) . ", want $type");
            }
        }
        $items = xsi_types($xp, "$book/entry/due/*");
        if ($items !== array_fill(0, count($items), '{' . NS_XSD . '}date') || count($items) !== 2) {
            check_failed('book.due.items', 'items typed ' . json_encode($items) . ', want two xsd:date');
        }
        $array_type = $xp->query("$book/entry/due")->item(0)->getAttributeNS(NS_ENC, 'arrayType');
        if ($array_type !== 'xsd:date[2]') {
            check_failed('book.due.arrayType', "SOAP-ENC:arrayType is \"$array_type\", want xsd:date[2]");
        }
        // What SoapServer decoded by those types.
        $decoded = [$entry->kind, $entry->amount, $entry->booked, $entry->receipt, $entry->due, $fee];
        $expected = ['debit', 12.5, '2024-02-29T23:59:58Z', "\x00\xffreceipt", ['2024-03-01', '2024-04-01'], 0.25];
        if ($entry->kind === 'credit' && $entry->booked < '2000') {
            check_failed('book.refused', 'a credit booked before 2000');
        }
        if ($decoded !== $expected) {
            check_failed('book.decoded', json_encode(array_map('strval', array_map('json_encode', $decoded))));
        }
        return 4294967296;
    }
}
