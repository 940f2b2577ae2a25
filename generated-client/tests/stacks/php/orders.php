<?php
// TEST PEER (tests/third_party_stacks.rs): the `/orders` service of server.php, on
// tests/stacks/specs/php_soapserver/orders.wsdl: the operations' elements in urn:stacks:php,
// the records' fields in urn:stacks:php:types (their own schema), unqualified attributes and
// an `Auth` soap:header part.

const NS_OPS = 'urn:stacks:php';
const NS_TYPES = 'urn:stacks:php:types';

class OrdersHandler
{
    private $xp;
    private $auth = null;

    public function __construct($xp)
    {
        $this->xp = $xp;
        $xp->registerNamespace('o', NS_OPS);
        $xp->registerNamespace('t', NS_TYPES);
    }

    /** Echo: qualified text/count/tag children, `tag` repeated (one sibling per item). */
    public function Echo($params)
    {
        $xp = $this->xp;
        $body = '/e:Envelope/e:Body/o:Echo';
        expect_children($xp, 'Echo.children', $body, [
            '{urn:stacks:php}text', '{urn:stacks:php}count',
            '{urn:stacks:php}tag', '{urn:stacks:php}tag', '{urn:stacks:php}tag',
        ]);
        expect_texts($xp, 'Echo.text', "$body/o:text", ["héllo <&> \"wörld\""]);
        expect_texts($xp, 'Echo.count', "$body/o:count", ['-7']);
        expect_texts($xp, 'Echo.tag', "$body/o:tag", ['a', 'b b', '']);
        $tags = is_array($params->tag) ? $params->tag : [$params->tag];
        return ['text' => $params->text, 'count' => $params->count + 1, 'tag' => array_reverse($tags)];
    }

    /** GetStatus: the request element is present and empty. */
    public function GetStatus($params)
    {
        $xp = $this->xp;
        expect_children($xp, 'GetStatus.children', '/e:Envelope/e:Body/o:GetStatus', []);
        if ($xp->query('/e:Envelope/e:Body/o:GetStatus')->length !== 1) {
            check_failed('GetStatus.element', 'no {urn:stacks:php}GetStatus in the Body');
        }
        return ['status' => 'ok', 'uptime' => 9007199254740993];
    }

    /**
     * QuoteOrder: `quote` in urn:stacks:php, its fields in urn:stacks:php:types, `lines` a
     * wrapper list of `Line` (no `gift` attribute sent), a quantity above 2^31
     * (unsignedInt); the answer's total is above u32 (unsignedLong) and `validUntil` a
     * dateTime a week after `placedAt`.
     */
    public function QuoteOrder($params)
    {
        $xp = $this->xp;
        $quote = '/e:Envelope/e:Body/o:QuoteOrder/o:quote';
        expect_children($xp, 'QuoteOrder.children', '/e:Envelope/e:Body/o:QuoteOrder', [
            '{urn:stacks:php}quote',
        ]);
        expect_children($xp, 'QuoteOrder.quote.children', $quote, [
            '{urn:stacks:php:types}customer', '{urn:stacks:php:types}lines',
            '{urn:stacks:php:types}placedAt',
        ]);
        expect_texts($xp, 'QuoteOrder.customer', "$quote/t:customer", ['ACME & Söhne']);
        expect_children($xp, 'QuoteOrder.lines.children', "$quote/t:lines", [
            '{urn:stacks:php:types}Line', '{urn:stacks:php:types}Line',
        ]);
        foreach ($xp->query("$quote/t:lines/t:Line") as $line) {
            expect_children($xp, 'QuoteOrder.line.children', $line->getNodePath(), [
                '{urn:stacks:php:types}sku', '{urn:stacks:php:types}quantity',
            ]);
        }
        expect_texts($xp, 'QuoteOrder.sku', "$quote/t:lines/t:Line/t:sku", ['A-1', 'B-2']);
        expect_texts($xp, 'QuoteOrder.quantity', "$quote/t:lines/t:Line/t:quantity", ['1', '4294967295']);
        expect_texts($xp, 'QuoteOrder.gift', "$quote/t:lines/t:Line/@gift", []);
        $placed = texts($xp, "$quote/t:placedAt");
        if (count($placed) !== 1 || strtotime($placed[0]) !== strtotime('2024-02-29T23:59:58Z')) {
            check_failed('QuoteOrder.placedAt', json_encode($placed) . ' is not 2024-02-29T23:59:58Z');
        }
        $lines = $params->quote->lines->Line;
        $lines = is_array($lines) ? $lines : [$lines];
        $total = 0;
        foreach ($lines as $line) {
            $total += (int) $line->quantity;
        }
        return [
            'lineCount' => count($lines),
            'totalQuantity' => $total,
            'validUntil' => gmdate('Y-m-d\TH:i:s\Z', strtotime($placed[0]) + 7 * 86400),
            'summary' => 'quoted for ' . $params->quote->customer,
        ];
    }

    /** The Auth header (SoapServer calls a method named after the header element first). */
    public function Auth($header)
    {
        $this->auth = $header;
    }

    /**
     * SaveOrder: `order` in urn:stacks:php, its fields in urn:stacks:php:types, the
     * `currency` and `gift` attributes unqualified, `lines` a wrapper list of `Line`, the
     * Auth header typed; a quantity above 2^31 (unsignedInt) and an answer id above 2^63.
     */
    public function SaveOrder($params)
    {
        $xp = $this->xp;
        $auth = '/e:Envelope/e:Header/o:Auth';
        expect_texts($xp, 'SaveOrder.header.user', "$auth/t:user", ['clerk']);
        expect_texts($xp, 'SaveOrder.header.token', "$auth/t:token", ['t0k3n&<>']);
        if ($this->auth === null) {
            check_failed('SaveOrder.header', 'SoapServer did not bind the Auth header');
        }
        $order = '/e:Envelope/e:Body/o:SaveOrder/o:order';
        expect_children($xp, 'SaveOrder.order.children', $order, [
            '{urn:stacks:php:types}customer', '{urn:stacks:php:types}lines',
            '{urn:stacks:php:types}placedAt',
        ]);
        expect_texts($xp, 'SaveOrder.order.currency', "$order/@currency", ['EUR']);
        expect_texts($xp, 'SaveOrder.customer', "$order/t:customer", ['ACME & Söhne']);
        expect_children($xp, 'SaveOrder.lines.children', "$order/t:lines", [
            '{urn:stacks:php:types}Line', '{urn:stacks:php:types}Line',
        ]);
        expect_texts($xp, 'SaveOrder.sku', "$order/t:lines/t:Line/t:sku", ['A-1', 'B-2']);
        expect_texts($xp, 'SaveOrder.quantity', "$order/t:lines/t:Line/t:quantity", ['1', '4294967295']);
        expect_texts($xp, 'SaveOrder.gift', "$order/t:lines/t:Line/@gift", ['true']);
        $placed = texts($xp, "$order/t:placedAt");
        if (count($placed) !== 1 || strtotime($placed[0]) !== strtotime('2024-02-29T23:59:58Z')) {
            check_failed('SaveOrder.placedAt', json_encode($placed) . ' is not 2024-02-29T23:59:58Z');
        }
        return [
            'orderId' => '18446744073709551615',
            'lineCount' => 2,
            'summary' => 'saved for ' . $params->order->customer,
        ];
    }
}
