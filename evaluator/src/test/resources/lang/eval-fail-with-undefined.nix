# Under `with` a missing name is only known at run time.
with { a = 1; };
b
