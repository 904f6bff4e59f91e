# __ignoreNulls, outputs as a string of words, and how args are coerced
{
  name = "nulls"; system = "x86_64-linux"; builder = "/bin/sh"; __ignoreNulls = true; gone = null; kept = false;
  outputs = "out  bin"; args = [ ./tree/b 1 true null [ "a" [ ] "b" ] ];
}
