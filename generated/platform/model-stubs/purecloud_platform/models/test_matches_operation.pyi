from .test import TestMatchesOperation as TestMatchesOperation
