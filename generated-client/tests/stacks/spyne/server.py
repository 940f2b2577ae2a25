"""spyne 2.14 test peer for tests/third_party_stacks.rs.

Started by the test suite as `python3 server.py <port>`; listens on 127.0.0.1 only and serves
the WSDL spyne writes itself at `GET /?wsdl` (committed as specs/spyne/spyne.wsdl; a test
checks the two stay equal). Requests are validated against that schema by lxml (a malformed
or wrongly qualified request is a `Client.SchemaValidationError` fault), and each handler
checks the values it received: a wrong one is the fault `Client.PeerCheckFailed` whose
string starts with `PEER-CHECK-FAILED <check>:`, so the client's test names the failed check.
"""

import datetime
import decimal
import logging
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

from spyne import (
    Application,
    Array,
    ByteArray,
    ComplexModel,
    Date,
    DateTime,
    Decimal,
    Double,
    Duration,
    Fault,
    Integer32,
    SelfReference,
    ServiceBase,
    Time,
    Unicode,
    UnsignedInteger32,
    UnsignedInteger64,
    XmlAttribute,
    XmlData,
    rpc,
)
from spyne.protocol.soap import Soap11
from spyne.server.wsgi import WsgiApplication

TNS = "urn:stacks:spyne"
TYPES = "urn:stacks:spyne:types"

# Values the client must send and gets back (mirrored in tests/stacks/calls/spyne_*.rs).
API_KEY = "spyne-key-0123"
BIG_U64 = 18446744073709551615  # u64::MAX: does not fit an i64
BIG_U32 = 4294967295
BYTES = bytes(range(256))
WHEN = datetime.datetime(2024, 2, 29, 23, 59, 58, 123000, tzinfo=datetime.timezone.utc)
DAY = datetime.date(2024, 2, 29)
CLOCK = datetime.time(7, 8, 9)
SPAN = datetime.timedelta(days=1, hours=2, minutes=3, seconds=4)


def check(name, ok, detail=""):
    """Faults with the check's name when `ok` is false."""
    if not ok:
        raise Fault("Client.PeerCheckFailed", f"PEER-CHECK-FAILED {name}: {detail}")


class Money(ComplexModel):
    """simpleContent: a decimal with a currency attribute."""

    __namespace__ = TYPES
    currency = XmlAttribute(Unicode(min_occurs=1))
    amount = XmlData(Decimal)


class Item(ComplexModel):
    """A record with an attribute, a nested record and a repeated element."""

    __namespace__ = TYPES
    sku = XmlAttribute(Unicode(min_occurs=1))
    name = Unicode(min_occurs=1)
    price = Money
    labels = Unicode(max_occurs="unbounded")


class Shape(ComplexModel):
    """Base type; answers carry `xsi:type` for the derived ones."""

    __namespace__ = TYPES
    name = Unicode


class Circle(Shape):
    __namespace__ = TYPES
    radius = Double


class Square(Shape):
    __namespace__ = TYPES
    side = Double


class TreeNode(ComplexModel):
    """A recursive type: each node holds its children."""

    __namespace__ = TYPES
    label = Unicode
    children = Array(SelfReference)


class Numbers(ComplexModel):
    __namespace__ = TYPES
    small = UnsignedInteger32
    big = UnsignedInteger64


class Times(ComplexModel):
    __namespace__ = TYPES
    at = DateTime
    day = Date
    clock = Time
    span = Duration


class RequestHeader(ComplexModel):
    __namespace__ = TYPES
    api_key = Unicode(min_occurs=1)
    trace = Unicode


class ResponseHeader(ComplexModel):
    __namespace__ = TYPES
    request_id = Unicode


class StackService(ServiceBase):
    @rpc(Unicode, Integer32, Array(Unicode), _returns=Unicode)
    def echo_basics(ctx, text, count, tags):
        """Strings, an int and a wrapper list (spyne's `stringArray`)."""
        check("echo_basics.text", text == "héllo <&> wörld", repr(text))
        check("echo_basics.count", count == -42, repr(count))
        check("echo_basics.tags", list(tags or []) == ["a", "b", "c"], repr(tags))
        return f"{text}|{count}|{','.join(tags)}"

    @rpc(_returns=Unicode)
    def ping(ctx):
        """An empty request element."""
        return "pong"

    @rpc(Item, _returns=Item)
    def echo_item(ctx, item):
        """Attributes (plain and simpleContent), a nested record, a repeated element."""
        check("echo_item.sku", item.sku == "SKU-1", repr(item.sku))
        check("echo_item.name", item.name == "Widget", repr(item.name))
        check("echo_item.price", item.price is not None and item.price.currency == "EUR"
              and item.price.amount == decimal.Decimal("12.50"), repr(item.price))
        check("echo_item.labels", list(item.labels or []) == ["x", "y"], repr(item.labels))
        item.name = "Widget (seen)"
        return item

    @rpc(Numbers, _returns=Numbers)
    def echo_unsigned(ctx, numbers):
        """Unsigned integers beyond the signed ranges."""
        check("echo_unsigned.small", numbers.small == BIG_U32, repr(numbers.small))
        check("echo_unsigned.big", numbers.big == BIG_U64, repr(numbers.big))
        return numbers

    @rpc(ByteArray, _returns=ByteArray)
    def echo_bytes(ctx, data):
        """base64Binary both ways: every byte value."""
        got = b"".join(data or [])
        check("echo_bytes.data", got == BYTES, f"{len(got)} bytes")
        return [got[::-1]]

    @rpc(Times, _returns=Times)
    def echo_times(ctx, times):
        """dateTime, date, time and duration."""
        check("echo_times.at", times.at == WHEN, repr(times.at))
        check("echo_times.day", times.day == DAY, repr(times.day))
        check("echo_times.clock", times.clock == CLOCK, repr(times.clock))
        check("echo_times.span", times.span == SPAN, repr(times.span))
        return times

    @rpc(Unicode, _returns=Shape)
    def get_shape(ctx, kind):
        """Returns a derived type, marked with `xsi:type`."""
        if kind == "circle":
            return Circle(name="c", radius=1.5)
        if kind == "square":
            return Square(name="s", side=2.0)
        check("get_shape.kind", kind == "plain", repr(kind))
        return Shape(name="plain")

    @rpc(Integer32, _returns=TreeNode)
    def get_tree(ctx, depth):
        """A recursive answer `depth` levels deep."""
        check("get_tree.depth", depth is not None and 0 <= depth <= 10, repr(depth))
        node = TreeNode(label=f"leaf-{depth}", children=[])
        for level in range(depth - 1, -1, -1):
            node = TreeNode(label=f"level-{level}", children=[node])
        return node

    @rpc(Unicode, _returns=Unicode, _in_header=(RequestHeader,), _out_header=(ResponseHeader,))
    def whoami(ctx, name):
        """A typed SOAP header in and out."""
        header = ctx.in_header
        check("whoami.header", header is not None, "no RequestHeader")
        check("whoami.api_key", header.api_key == API_KEY, repr(header.api_key))
        check("whoami.trace", header.trace == "trace-7", repr(header.trace))
        ctx.out_header = ResponseHeader(request_id=f"req-{name}")
        return f"hello {name}"


application = Application(
    [StackService],
    tns=TNS,
    name="StackService",
    in_protocol=Soap11(validator="lxml"),
    # polymorphic: a derived value is written as itself, with xsi:type (spyne_derived.rs).
    out_protocol=Soap11(polymorphic=True),
)


class QuietHandler(WSGIRequestHandler):
    """Logs to stderr (the peer's log file) without reverse DNS lookups."""

    def address_string(self):
        return self.client_address[0]


def main():
    port = int(sys.argv[1])
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    server = make_server("127.0.0.1", port, WsgiApplication(application),
                         handler_class=QuietHandler)
    print(f"listening on 127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
