# an SRI hash names its own algorithm; the .drv holds it in base 16, env keeps the SRI text
{ name = "sri"; system = "x86_64-linux"; builder = "/bin/sh"; outputHashMode = "recursive";
  outputHash = "sha256-LMC4zplvhl2zdhm/6RAjVZMFqtgVgEL8bdsO8dQ8W2c="; }
