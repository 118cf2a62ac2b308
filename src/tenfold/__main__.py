"""Allow ``python -m tenfold``."""

from tenfold.launch import main

if __name__ == "__main__":
    main()
