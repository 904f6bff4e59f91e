# Not a module: a list.
[ 1 2 ]
