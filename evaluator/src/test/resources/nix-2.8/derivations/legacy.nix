# the upstream case eval-okay-derivation-legacy: structured attrs with the legacy reference checks
{
  name = "eval-okay-derivation-legacy"; system = "x86_64-linux"; builder = "/dontcare"; __structuredAttrs = true;
  allowedReferences = [ ]; disallowedReferences = [ ]; allowedRequisites = [ ]; disallowedRequisites = [ ];
  maxSize = 1234; maxClosureSize = 12345;
}
