from .ivr import IVRDivisionView as IVRDivisionView
