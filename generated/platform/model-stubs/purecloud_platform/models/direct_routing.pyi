from .direct import DirectRouting as DirectRouting
