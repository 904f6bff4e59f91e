let
  config = { services = { nginx = true; }; };
in
config.servces
