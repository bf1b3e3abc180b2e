from .test import TestModeResults as TestModeResults
