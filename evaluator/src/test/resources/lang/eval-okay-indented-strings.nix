# '' strings: the common indentation is removed, the first newline dropped,
# whitespace-only lines ignored for the indentation, and ''$ ''' ''\ escape.
[
  ''
    first
      indented
    last
  ''
  ''  one line  ''
  ''
    a

    b''
  ''
    ''${not interpolated} '''quotes''' tab''\tnewline''\n
  ''
  ''
    x ${"interpolated"} y
  ''
]
