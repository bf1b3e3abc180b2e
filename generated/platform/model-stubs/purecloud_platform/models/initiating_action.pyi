from .initiating import InitiatingAction as InitiatingAction
