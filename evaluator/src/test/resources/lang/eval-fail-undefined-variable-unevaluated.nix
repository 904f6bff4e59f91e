# Undefined variables are found when parsing, even in code that never runs.
if true then 1 else undefinedThing
