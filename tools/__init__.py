"""Developer tools that write matcher's package data; not shipped with matcher."""
