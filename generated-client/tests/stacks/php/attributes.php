<?php
// TEST PEER (tests/third_party_stacks.rs): the `/attributes` service of server.php, on
// tests/stacks/specs/php_attributes/attributes.wsdl: qualified attributes.
//
// SoapServer decodes attributes by namespace, but nothing tells a handler which namespace an
// attribute came in, nor whether an extra one came along: `Tag` checks every attribute of
// the raw request's elements (namespace URI, local name, value) with DOM, then what
// SoapServer decoded, and answers with everything it received, so the client's decoding of
// qualified attributes is proven too.

const NS_XML = 'http://www.w3.org/XML/1998/namespace';
const NS_ATTRS = 'urn:stacks:php:attrs';
const NS_META = 'urn:stacks:php:meta';

class AttributesHandler
{
    private $xp;

    public function __construct($xp)
    {
        $this->xp = $xp;
        $xp->registerNamespace('a', NS_ATTRS);
    }

    /**
     * Tag: `mode` (qualified by attributeFormDefault) and `m:origin` (a global attribute of
     * the meta schema, by ref) on the request element; on `label`, `xml:lang` (by ref),
     * `code` (form="unqualified"), `weight` (qualified by the default), the `Audit` group's
     * `by` (unqualified, as its own schema says) and `rev` (form="qualified", in the meta
     * namespace) and `m:origin`.
     */
    public function Tag($params)
    {
        $xp = $this->xp;
        $tag = '/e:Envelope/e:Body/a:Tag';
        expect_attributes($xp, 'Tag.attributes', $tag, [
            '{' . NS_ATTRS . '}mode' => 'draft',
            '{' . NS_META . '}origin' => 'rust client',
        ]);
        expect_children($xp, 'Tag.children', $tag, ['{' . NS_ATTRS . '}label']);
        expect_attributes($xp, 'Tag.label.attributes', "$tag/a:label", [
            '{' . NS_XML . '}lang' => 'de-AT',
            '{}code' => 'A&<"1\'',
            '{' . NS_ATTRS . '}weight' => '-7',
            '{}by' => 'Ada',
            '{' . NS_META . '}rev' => '3',
            '{' . NS_META . '}origin' => 'label origin',
        ]);
        expect_texts($xp, 'Tag.label.text', "$tag/a:label/a:text", ['Grüße & <mehr>']);
        // What SoapServer made of the same request, by the WSDL.
        $label = $params->label;
        $decoded = [
            'mode' => $params->mode ?? null,
            'origin' => $params->origin ?? null,
            'label.lang' => $label->lang ?? null,
            'label.code' => $label->code ?? null,
            'label.weight' => $label->weight ?? null,
            'label.by' => $label->by ?? null,
            'label.rev' => $label->rev ?? null,
            'label.origin' => $label->origin ?? null,
            'label.text' => $label->text ?? null,
        ];
        $want = [
            'mode' => 'draft',
            'origin' => 'rust client',
            'label.lang' => 'de-AT',
            'label.code' => 'A&<"1\'',
            'label.weight' => -7,
            'label.by' => 'Ada',
            'label.rev' => 3,
            'label.origin' => 'label origin',
            'label.text' => 'Grüße & <mehr>',
        ];
        if ($decoded !== $want) {
            check_failed('Tag.decoded', 'SoapServer decoded ' . json_encode($decoded) . ', want ' . json_encode($want));
        }
        // Echoed with new values, so that the answer proves the client reads each one.
        return [
            'mode' => 'final',
            'origin' => 'php server',
            'label' => [
                'text' => strrev('mehr'),
                'lang' => 'en',
                'code' => 'B>&2',
                'weight' => $label->weight * 2,
                'by' => 'Grace',
                'rev' => $label->rev + 1,
                'origin' => 'answer origin',
            ],
            'summary' => 'tagged ' . $label->text,
        ];
    }
}
