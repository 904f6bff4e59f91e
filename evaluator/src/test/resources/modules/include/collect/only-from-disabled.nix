# Imported only by a module that the case disables: goes with it.
{ log = [ "only-from-disabled" ]; }
