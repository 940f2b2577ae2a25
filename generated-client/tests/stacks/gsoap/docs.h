// The Docs service of the gSOAP stack (tests/third_party_stacks.rs), as a gSOAP header:
// soapcpp2 writes the C stubs and the WSDL from it (committed as
// tests/stacks/specs/gsoap/docs.wsdl; the test suite checks it has not drifted). server.c
// implements the operation and answers in MTOM.

//gsoap gs service name:        Docs
//gsoap gs service namespace:   urn:stacks:gsoap
//gsoap gs service location:    http://127.0.0.1/gsoap
//gsoap gs schema namespace:    urn:stacks:gsoap
//gsoap gs schema form:         qualified
//gsoap gs service style:       document
//gsoap gs service encoding:    literal

// xsd:base64Binary with gSOAP's attachment members: a value whose id or type is set is
// sent as an MTOM part (with SOAP_ENC_MTOM), any other inline as base64 text.
struct xsd__base64Binary
{ unsigned char *__ptr;
  int __size;
  char *id;
  char *type;
  char *options;
};

// A record of gSOAP's own schema, nested in the answer: text and a number around the binary
// fields, so that a decoder must put each part back where its xop:Include was.
struct gs__Document
{ char *title;
  int size;
  struct xsd__base64Binary everyByte;
  struct xsd__base64Binary body;
  struct xsd__base64Binary empty;
  struct xsd__base64Binary inlined;
  char *note;
};

struct gs__GetDocumentResponse
{ struct gs__Document document;
};

//gsoap gs service method-action: GetDocument urn:stacks:gsoap#GetDocument
int gs__GetDocument(char *name, int size, struct gs__GetDocumentResponse *response);
