from .connection import ConnectionOption as ConnectionOption
