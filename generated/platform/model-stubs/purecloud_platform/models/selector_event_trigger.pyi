from .selector import SelectorEventTrigger as SelectorEventTrigger
