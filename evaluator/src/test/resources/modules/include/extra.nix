# A module that a case disables with disabledModules.
{ log = [ "extra was here" ]; }
