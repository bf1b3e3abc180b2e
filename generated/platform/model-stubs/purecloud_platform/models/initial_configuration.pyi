from .initial import InitialConfiguration as InitialConfiguration
