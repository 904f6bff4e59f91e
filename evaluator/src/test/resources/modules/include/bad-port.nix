# Defines services.web.port with a string, for fail-type-from-file.
{
  services.web.enable = true;
  services.web.port = "http";
}
