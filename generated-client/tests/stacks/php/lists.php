<?php
// TEST PEER (tests/third_party_stacks.rs): the `/lists` service of server.php, on
// tests/stacks/specs/php_lists/lists.wsdl: `xsd:list` elements and attributes, and a
// soap:header part declared with `type=`.
//
// ext/soap reads an xsd:list as its whitespace-collapsed text (a string) and writes a PHP
// array as the items separated by spaces, each through the item type's encoder. It matches a
// `type=` header by the part's name in the soap:header's `namespace=`.

const NS_LISTS = 'urn:stacks:lists';
const NS_TICKET = 'urn:stacks:lists:ticket';

class ListsHandler
{
    private $xp;
    private $ticket = null;

    public function __construct($xp)
    {
        $this->xp = $xp;
        $xp->registerNamespace('l', NS_LISTS);
        $xp->registerNamespace('k', NS_TICKET);
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
        expect_texts($xp, 'Measure.ticket.user', "$ticket/l:user", [$this->ticket->user ?? '(none)']);
        $token = only_text($xp, 'Measure.ticket.token', "$ticket/l:token");
        if ($this->ticket === null || $this->ticket->token !== $token) {
            check_failed('Measure.ticket', 'SoapServer did not bind the ticket header');
        }
        if ($this->ticket->user === 'leak') {
            check_failed('Measure.ticket.refused', "token $token is not valid");
        }
        $body = '/e:Envelope/e:Body/l:Measure';
        expect_texts($xp, 'Measure.ids', "$body/l:ids", ['3 -1 2147483647']);
        expect_texts($xp, 'Measure.parcel.amounts', "$body/l:parcel/l:amounts", ['10.50 0.01 -7']);
        expect_texts($xp, 'Measure.parcel.sizes', "$body/l:parcel/@sizes", ['S L M']);
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
