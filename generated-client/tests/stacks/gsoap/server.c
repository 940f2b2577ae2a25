/* The gSOAP stack of tests/third_party_stacks.rs: the Docs service of docs.h, answering in
 * MTOM (each xsd:base64Binary with a MIME type set travels as a part of its own, named by an
 * xop:Include), standalone on 127.0.0.1:<port> until killed, serving on GET ?wsdl the WSDL
 * soapcpp2 wrote from docs.h.
 *
 * Built by tests/support/stacks.rs: `soapcpp2 -c -S -L -x docs.h`, then
 * `cc server.c soapC.c soapServer.c -lgsoap`. Usage: server <port> <wsdl file>. */

#include "soapH.h"
#include "Docs.nsmap"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the call tests send (tests/stacks/calls/gsoap_*.rs): UTF-8 and XML's special
 * characters, so that a mangled request fails the name check. */
static const char *const EXPECTED_NAME = "report <1> & \xc3\xa9t\xc3\xa9.bin";
/* The largest body the server makes. */
static const int MAX_SIZE = 1 << 20;

static const char *wsdl_file;

/* GET <path>?wsdl: the WSDL file, as is. */
static int http_get(struct soap *soap)
{
  FILE *fd;
  size_t read;
  if (!strstr(soap->path, "?wsdl"))
    return 404;
  fd = fopen(wsdl_file, "rb");
  if (!fd)
    return 404;
  soap->http_content = "text/xml; charset=utf-8";
  if (soap_response(soap, SOAP_FILE))
  { fclose(fd);
    return soap_closesock(soap);
  }
  while ((read = fread(soap->tmpbuf, 1, sizeof(soap->tmpbuf), fd)) > 0)
  { if (soap_send_raw(soap, soap->tmpbuf, read))
      break;
  }
  fclose(fd);
  soap_end_send(soap);
  return SOAP_OK;
}

/* The fault every stack answers when a check on the request fails. */
static int check_failed(struct soap *soap, const char *check, const char *detail)
{
  char *text = soap_malloc(soap, strlen(check) + strlen(detail) + 32);
  sprintf(text, "PEER-CHECK-FAILED %s: %s", check, detail);
  fprintf(stderr, "%s\n", text);
  return soap_sender_fault(soap, text, NULL);
}

/* A binary field sent as an MTOM part: gSOAP makes one of any base64Binary whose type (or id)
 * is set, and names the part itself when the id is NULL. */
static struct xsd__base64Binary part(struct soap *soap, int size)
{
  struct xsd__base64Binary value;
  value.__ptr = size > 0 ? soap_malloc(soap, size) : NULL;
  value.__size = size;
  value.id = NULL;
  value.type = "application/octet-stream";
  value.options = NULL;
  return value;
}

int gs__GetDocument(struct soap *soap, char *name, int size,
                    struct gs__GetDocumentResponse *response)
{
  struct gs__Document *document = &response->document;
  int i;
  if (!name || strcmp(name, EXPECTED_NAME) != 0)
    return check_failed(soap, "GetDocument.name", name ? name : "(none)");
  if (size < 0 || size > MAX_SIZE)
    return check_failed(soap, "GetDocument.size", "not within 0 and 1048576");
  document->title = name;
  document->size = size;
  document->everyByte = part(soap, 256);
  for (i = 0; i < 256; i++)
    document->everyByte.__ptr[i] = (unsigned char)i;
  /* 251 is prime: the pattern never lines up with a power of two. */
  document->body = part(soap, size);
  for (i = 0; i < size; i++)
    document->body.__ptr[i] = (unsigned char)(i % 251);
  /* gSOAP writes an empty attachment inline, as an empty element. */
  document->empty = part(soap, 0);
  /* No MIME type: base64 text in the envelope, beside the parts. */
  document->inlined = part(soap, 3);
  document->inlined.type = NULL;
  memcpy(document->inlined.__ptr, "\xfb\xff\x00", 3);
  document->note = "after the parts";
  return SOAP_OK;
}

int main(int argc, char **argv)
{
  struct soap *soap;
  if (argc != 3)
  { fprintf(stderr, "usage: %s <port> <wsdl file>\n", argv[0]);
    return 2;
  }
  wsdl_file = argv[2];
  /* In: UTF-8 strings kept as they are, XML validated strictly. Out: MTOM. */
  soap = soap_new2(SOAP_C_UTFSTRING | SOAP_XML_STRICT, SOAP_C_UTFSTRING | SOAP_ENC_MTOM);
  soap->fget = http_get;
  soap->bind_flags = SO_REUSEADDR;
  if (!soap_valid_socket(soap_bind(soap, "127.0.0.1", atoi(argv[1]), 16)))
  { soap_print_fault(soap, stderr);
    return 1;
  }
  fprintf(stderr, "gSOAP serving on 127.0.0.1:%s\n", argv[1]);
  for (;;)
  { if (!soap_valid_socket(soap_accept(soap)))
    { soap_print_fault(soap, stderr);
      continue;
    }
    if (soap_serve(soap))
      soap_print_fault(soap, stderr);
    soap_destroy(soap);
    soap_end(soap);
  }
}
