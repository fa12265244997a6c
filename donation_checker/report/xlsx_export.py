def export_xlsx(*a, **k): raise NotImplementedError
