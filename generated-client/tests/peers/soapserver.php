<?php
// TEST PEER: InterServer's SOAP API on PHP's ext/soap `SoapServer`, in WSDL mode on the
// project's `specs/interserver/myapi.wsdl`. Router script for PHP's built-in server:
//   PEER_WSDL=<path to myapi.wsdl> php -S 127.0.0.1:<port> soapserver.php
// POST = a SOAP call; GET with `?wsdl` = the WSDL itself. Behaviour: behaviour.php.

ini_set('soap.wsdl_cache_enabled', '0');

$wsdl = getenv('PEER_WSDL') ?: '';
if ($wsdl === '' || !is_readable($wsdl)) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "soapserver.php: PEER_WSDL does not name a readable WSDL file\n";
    return true;
}
if (!extension_loaded('soap')) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "soapserver.php: PHP extension soap missing (apt-get install php-soap)\n";
    return true;
}

function peer_fault($code, $string, $actor, $detail)
{
    throw new SoapFault($code, $string, $actor, $detail);
}

function peer_text($utf8)
{
    return $utf8;
}

require __DIR__ . '/behaviour.php';

$method = $_SERVER['REQUEST_METHOD'] ?? '';
if ($method === 'GET' && isset($_GET['wsdl'])) {
    header('Content-Type: text/xml; charset=ISO-8859-1');
    readfile($wsdl);
    return true;
}
if ($method !== 'POST') {
    http_response_code(405);
    header('Allow: POST');
    header('Content-Type: text/plain');
    echo "POST a SOAP envelope, or GET ?wsdl\n";
    return true;
}

$server = new SoapServer($wsdl, ['soap_version' => SOAP_1_1, 'cache_wsdl' => WSDL_CACHE_NONE]);
$server->addFunction([
    'api_login', 'api_api_buy_mail', 'api_openTicket', 'api_vps_get_services',
    'get_locked_ips', 'get_modules',
]);
$server->handle(file_get_contents('php://input'));
return true;
